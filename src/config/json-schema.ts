import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the config schema is shipped in the package (beside the report and snapshot schemas). */
export const CONFIG_SCHEMA_PATH = 'src/model/schemas/config.schema.json';

/**
 * Where editors fetch the config schema when driftwarden is not installed in the project (the file in the
 * repository's default branch). A local install is preferred: `driftwarden init` points at it.
 */
export const CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/driftwarden/driftwarden/main/${CONFIG_SCHEMA_PATH}`;

/**
 * The JSON Schema of `driftwarden.yml`, generated from the zod schema (`npm run schemas`). Draft-07: the YAML
 * language server (VS Code and others) supports JSON Schema 7 and below, and JetBrains IDEs read it too. The
 * input side, as a user writes it (`state` a string or a list).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-07',
    // A YAML 1.1 date (`expires: 2027-03-31`) reaches zod as a Date; editors read the same text as a string.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'date')
        Object.assign(jsonSchema, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    },
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: 'https://driftwarden.dev/schemas/config-v1.json',
    title: 'driftwarden.yml',
    description:
      'The driftwarden config file. Every key has a `driftwarden scan` flag of the same meaning; a flag wins over the file.',
  };
}
