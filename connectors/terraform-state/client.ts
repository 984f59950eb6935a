import { readJsonFile } from '../../src/connector/read-json-file.js';
import { inputError } from '../../src/errors.js';
import { escapeMarkersOfParsed, isPlainObject } from '../../src/model/value.js';
import { describeZodError } from '../../src/util/zod-issue.js';
import { type StateV4, stateV4Schema } from './schema.js';
import { isValidState } from './valid-state.js';

/** Reads and validates a local state file. The only I/O of this connector. */
export async function readStateFile(path: string, displayPath: string): Promise<StateV4> {
  const raw = await readJsonFile(path, displayPath);
  return parseState(raw, displayPath);
}

export function parseState(raw: unknown, displayPath: string): StateV4 {
  if (!isPlainObject(raw)) throw inputError(displayPath, 'not a Terraform state: expected a JSON object');
  const version = raw.version;
  if (version === undefined) {
    throw inputError(displayPath, 'not a Terraform state: no "version" field');
  }
  if (typeof version !== 'number')
    throw inputError(displayPath, 'not a Terraform state: "version" is not a number');
  if (version < 4) {
    throw inputError(
      displayPath,
      `unsupported state format version ${version}; driftwarden reads version 4 (Terraform 0.12 and later): ` +
        'upgrade the state with `terraform apply -refresh-only` using Terraform 0.12 or newer',
    );
  }
  if (version > 4) {
    throw inputError(displayPath, `unsupported state format version ${version}; driftwarden reads version 4`);
  }
  const state = isValidState(raw) ? raw : validatedState(raw, displayPath);
  for (const resource of state.resources)
    for (const instance of resource.instances)
      if (instance.attributes)
        instance.attributes = escapeMarkersOfParsed(instance.attributes) as typeof instance.attributes;
  return state;
}

function validatedState(raw: unknown, displayPath: string): StateV4 {
  const parsed = stateV4Schema.safeParse(raw);
  if (!parsed.success) throw inputError(displayPath, `invalid state: ${describeZodError(parsed.error, raw)}`);
  return parsed.data;
}
