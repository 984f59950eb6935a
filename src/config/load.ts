import { dirname } from 'node:path';
import { parseDocument } from 'yaml';
import { readTextFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import { describeZodError } from '../util/zod-issue.js';
import { type ConfigFile, configSchema } from './schema.js';

export interface LoadedConfig {
  config: ConfigFile;
  /** Relative paths in the file are resolved against its directory. */
  baseDir: string;
  path: string;
}

export async function loadConfigFile(path: string, displayPath: string): Promise<LoadedConfig> {
  const text = await readTextFile(path, displayPath);
  const document = parseDocument(text, { prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    // The first line only: later lines quote the file's content.
    const headline = yamlError.message.split('\n')[0]?.replace(/:$/, '') ?? yamlError.code;
    throw inputError(displayPath, `invalid YAML: ${headline}`);
  }
  const raw: unknown = document.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw inputError(displayPath, `invalid config: ${describeZodError(parsed.error)}`);
  return { config: parsed.data, baseDir: dirname(path), path: displayPath };
}
