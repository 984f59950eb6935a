import { resourceType } from '../../src/model/types/index.js';
import type { Value } from '../../src/model/value.js';

type Attributes = Record<string, Value>;

/**
 * The cloud id of a resource is its Terraform import id, which live connectors key on. For most types it is the
 * state's `id` attribute; these types store something else there (hashicorp/terraform-provider-aws#31232 for
 * aws_db_instance, where `id` became the DBI resource id in provider 5), so their import id is built from
 * other attributes.
 */
const IMPORT_ID: Record<string, (attributes: Attributes) => string | undefined> = {
  aws_db_instance: (a) => text(a.identifier),
  aws_rds_cluster: (a) => text(a.cluster_identifier) ?? text(a.id),
};

export function importId(type: string, attributes: Attributes): string | undefined {
  const custom =
    resourceType(type)?.id.importId ?? (Object.hasOwn(IMPORT_ID, type) ? IMPORT_ID[type] : undefined);
  return custom ? (custom(attributes) ?? text(attributes.id)) : text(attributes.id);
}

function text(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
