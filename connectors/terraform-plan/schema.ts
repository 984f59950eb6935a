import { z } from 'zod';
import { parsedJsonValue } from '../../src/model/value-schema.js';
import { jsonObjectSchema } from '../../src/util/zod-issue.js';

// The schemas below are built on first use (z.lazy): every scan loads every connector, and uses few.
/**
 * The JSON plan representation that `terraform show -json <planfile>` writes (format_version 1.x), after
 * hashicorp/terraform internal/command/jsonplan and the "JSON Output Format" internals page. Strict on the
 * fields read here, lenient on the rest, so that fields added by newer Terraform versions never break parsing.
 */
export const plannedResourceSchema = z.lazy(() =>
  z.looseObject({
    address: z.string().min(1),
    mode: z.enum(['managed', 'data']),
    type: z.string().min(1),
    name: z.string().min(1),
    index: z.union([z.number(), z.string()]).optional(),
    provider_name: z.string().optional(),
    // Shallow on purpose, as for state: the values come from JSON.parse, and passed through as parsed, so that an
    // attribute named `__proto__` stays an attribute.
    values: jsonObjectSchema.optional(),
    /** Mirrors `values`: `true` where the value is sensitive. */
    sensitive_values: parsedJsonValue.optional(),
  }),
);

export interface PlannedModule {
  address?: string | undefined;
  resources?: PlannedResource[] | undefined;
  child_modules?: PlannedModule[] | undefined;
}

export const moduleSchema: z.ZodType<PlannedModule> = z.lazy(() =>
  z.looseObject({
    address: z.string().optional(),
    resources: z.array(plannedResourceSchema).optional(),
    child_modules: z.array(moduleSchema).optional(),
  }),
);

/** A change representation, shared by `resource_changes` and `resource_drift`. */
export const resourceChangeSchema = z.lazy(() =>
  z.looseObject({
    address: z.string().min(1),
    module_address: z.string().optional(),
    mode: z.enum(['managed', 'data']),
    type: z.string().min(1),
    name: z.string().min(1),
    index: z.union([z.number(), z.string()]).optional(),
    provider_name: z.string().optional(),
    deposed: z.string().optional(),
    change: z.looseObject({
      actions: z.array(z.string()),
      before: parsedJsonValue.optional(),
      after: parsedJsonValue.optional(),
      /** Mirrors `after`: `true` where the value is known only after apply. */
      after_unknown: parsedJsonValue.optional(),
      before_sensitive: parsedJsonValue.optional(),
      after_sensitive: parsedJsonValue.optional(),
    }),
  }),
);

const stateValuesSchema = z.lazy(() => z.looseObject({ root_module: moduleSchema }));

export const planSchema = z.lazy(() =>
  z.looseObject({
    format_version: z.string(),
    terraform_version: z.string().optional(),
    planned_values: stateValuesSchema,
    resource_changes: z.array(resourceChangeSchema).optional(),
    resource_drift: z.array(resourceChangeSchema).optional(),
    prior_state: z.looseObject({ values: stateValuesSchema.optional() }).optional(),
  }),
);

export type Plan = z.infer<typeof planSchema>;
export type PlannedResource = z.infer<typeof plannedResourceSchema>;
export type ResourceChange = z.infer<typeof resourceChangeSchema>;
