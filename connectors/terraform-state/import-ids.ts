import { resourceType } from '../../src/model/types/index.js';
import type { Value } from '../../src/model/value.js';

type Attributes = Record<string, Value>;

/**
 * The cloud id of a resource is its Terraform import id, which live connectors key on. For most types it is the
 * state's `id` attribute; types that store something else there (hashicorp/terraform-provider-aws#31232 for
 * aws_db_instance, where `id` became the DBI resource id in provider 5) build it from other attributes, by the
 * `id.importId` of their module in the type catalogue.
 */
export function importId(type: string, attributes: Attributes): string | undefined {
  const custom = resourceType(type)?.id.importId;
  return custom ? (custom(attributes) ?? text(attributes.id)) : text(attributes.id);
}

function text(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
