import { z } from 'zod';
import { jsonObjectSchema } from '../../src/util/zod-issue.js';

/**
 * Terraform state format version 4 (Terraform 0.12 and later), after hashicorp/terraform
 * internal/states/statefile/version4.go. Strict on the fields the engine relies on, lenient on the rest, so that
 * new fields written by newer Terraform versions (identity, check_results, ...) never break parsing.
 */
const sensitivePathStep = z.looseObject({
  type: z.string(),
  value: z.unknown(),
});

export const instanceSchema = z.looseObject({
  index_key: z.union([z.number(), z.string()]).optional(),
  status: z.string().optional(),
  deposed: z.string().optional(),
  schema_version: z.number().optional(),
  // Shallow on purpose: the values come from JSON.parse, so they are JSON already, and a deep check costs seconds
  // on a large estate. Passed through as parsed, so that an attribute named `__proto__` stays an attribute.
  attributes: jsonObjectSchema.optional(),
  attributes_flat: z.record(z.string(), z.string()).optional(),
  sensitive_attributes: z.array(z.union([z.array(sensitivePathStep), sensitivePathStep])).optional(),
});

export const resourceSchema = z.looseObject({
  module: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().min(1),
  each: z.enum(['list', 'map']).optional(),
  provider: z.string().optional(),
  instances: z.array(instanceSchema),
});

export const stateV4Schema = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string().optional(),
  serial: z.number().optional(),
  lineage: z.string().optional(),
  // A state with no resources may have `"resources": []`, `null` (Go's encoding of a nil list) or no key at all,
  // as states written by other tools and by some backends for a new workspace do: each is an empty state.
  resources: z
    .array(resourceSchema)
    .nullish()
    .transform((resources) => resources ?? []),
});

export type StateV4 = z.infer<typeof stateV4Schema>;
export type StateResource = z.infer<typeof resourceSchema>;
export type StateInstance = z.infer<typeof instanceSchema>;
