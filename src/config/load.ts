import { dirname } from 'node:path';
import type { Document } from 'yaml';
import { readTextFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import { MAX_NESTING_DEPTH } from '../util/depth.js';
import { describeZodError } from '../util/zod-issue.js';
import { type ConfigFile, configSchema } from './schema.js';
import { keysAt } from './schema-keys.js';

export interface LoadedConfig {
  config: ConfigFile;
  /** Relative paths in the file are resolved against its directory. */
  baseDir: string;
  path: string;
}

/** A config file is a page of settings; anything near this size is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Aliases (`*name`) a config may expand. A few anchors for repeated waiver reasons are fine; the "billion laughs"
 * file, each alias a list of the previous one, would expand to gigabytes.
 */
export const MAX_CONFIG_ALIASES = 100;

export async function loadConfigFile(path: string, displayPath: string): Promise<LoadedConfig> {
  const text = await readTextFile(path, displayPath, { maxBytes: MAX_CONFIG_BYTES });
  // Imported when a file is read, so that a scan without a config file never loads the YAML parser (260 KB).
  const yaml = await importYaml();
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { prettyErrors: true, lineCounter });
  // Before the parser's own errors: past a few hundred levels, its error is a stack overflow.
  const tooDeep = firstTooDeep(document, yaml);
  if (tooDeep !== undefined) {
    const { line } = lineCounter.linePos(tooDeep);
    throw inputError(
      displayPath,
      `invalid YAML: nested deeper than ${MAX_NESTING_DEPTH} levels at line ${line}; driftwarden reads at most ${MAX_NESTING_DEPTH}`,
    );
  }
  const yamlError = document.errors[0];
  if (yamlError) {
    // The first line only: later lines quote the file's content.
    const headline = yamlError.message.split('\n')[0]?.replace(/:$/, '') ?? yamlError.code;
    throw inputError(displayPath, `invalid YAML: ${headline}`);
  }
  const raw: unknown = toJs(document, displayPath) ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(
      displayPath,
      `invalid config: ${describeZodError(parsed.error, raw, { knownKeys: (at) => keysAt(configSchema, at) })}`,
    );
  return { config: parsed.data, baseDir: dirname(path), path: displayPath };
}

function toJs(document: Document, displayPath: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /excessive alias count/i.test(error.message)) {
      throw inputError(
        displayPath,
        `invalid YAML: its aliases expand to too much (at most ${MAX_CONFIG_ALIASES} alias expansions)`,
      );
    }
    throw inputError(displayPath, `invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type Yaml = typeof import('yaml');

/** yaml is a CommonJS package: Node and the bundle's lazily loaded chunk give its exports as `default`. */
async function importYaml(): Promise<Yaml> {
  const module = await import('yaml');
  return (module as { default?: Yaml }).default ?? module;
}

/** The offset of the first node nested past MAX_NESTING_DEPTH, walked without recursion. */
function firstTooDeep(document: Document, { isAlias, isCollection, isPair }: Yaml): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth } = next;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
      continue;
    }
    if (!isCollection(node) || isAlias(node)) continue;
    if (depth + 1 > MAX_NESTING_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
  }
  return undefined;
}
