import { isPlainObject, isUnknown, unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_eventhub, from Microsoft.EventHub/namespaces/eventhubs (a child resource: neither `Resources - List` nor
 * Resource Graph lists event hubs, and a namespace's payload does not hold them).
 *
 * The live readers list them under each Event Hubs namespace (`listedUnder`): `GET {namespaceId}/eventhubs?
 * api-version=2024-01-01` (Event Hubs - List By Namespace, paged by nextLink), the api-version azurerm 4.x reads
 * them with (go-azure-sdk eventhub/2024-01-01/eventhubs). Shape: Azure/azure-rest-api-specs
 * `eventhub/resource-manager/Microsoft.EventHub/stable/2024-01-01/examples/EventHubs/EHEventHubGet.json`
 * (messageRetentionInDays, partitionCount, status, partitionIds, captureDescription{enabled, encoding,
 * intervalInSeconds, sizeLimitInBytes, skipEmptyArchives, destination{name, properties{storageAccountResourceId,
 * blobContainer, archiveNameFormat}}}).
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceEventHubRead` and `flattenEventHubCaptureDescription`
 * (internal/services/eventhub/eventhub_resource.go): message_retention is messageRetentionInDays; no
 * captureDescription is no capture_description block; namespace_name and resource_group_name (deprecated in 4.x,
 * still set) come from the id. retentionDescription has no 4.x attribute here: not compared.
 */
export const eventhub = defineType({
  type: 'azurerm_eventhub',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    namespace_id: s.string,
    namespace_name: s.string,
    resource_group_name: s.string,
    partition_count: s.number,
    message_retention: s.number,
    status: s.string,
    capture_description: s.blocks({
      enabled: s.boolean,
      skip_empty_archives: s.boolean,
      encoding: s.string,
      interval_in_seconds: s.number,
      size_limit_in_bytes: s.number,
      destination: s.blocks({
        name: s.string,
        archive_name_format: s.string,
        blob_container_name: s.string,
        storage_account_id: s.string,
      }),
    }),
  }),
  computed: ['partition_ids'],
  // azurerm 4.x schema defaults.
  defaults: { status: 'Active' },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.EventHub/namespaces/eventhubs',
      listedUnder: {
        type: 'Microsoft.EventHub/namespaces',
        path: 'eventhubs',
        apiVersion: '2024-01-01',
      },
      map: fromArm,
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'namespace_id', parentIdOf(resource.id));
  arm.put(attributes, 'namespace_name', arm.idSegmentAfter(resource.id, 'namespaces'));
  arm.put(attributes, 'resource_group_name', arm.idSegmentAfter(resource.id, 'resourcegroups'));
  if (!isPlainObject(p) || isUnknown(p)) return attributes;
  arm.put(attributes, 'partition_count', arm.num(arm.field(p, 'partitionCount')));
  arm.put(attributes, 'message_retention', arm.num(arm.field(p, 'messageRetentionInDays')));
  arm.put(attributes, 'status', arm.str(arm.field(p, 'status')));
  arm.put(attributes, 'capture_description', capture(arm.field(p, 'captureDescription')));
  return attributes;
}

function capture(description: Value | undefined): Value | undefined {
  if (description === undefined) return [];
  if (isUnknown(description)) return description;
  if (!isPlainObject(description)) return unknown('expression');
  const block: Attributes = {};
  arm.put(block, 'enabled', arm.bool(arm.field(description, 'enabled')));
  arm.put(block, 'skip_empty_archives', arm.bool(arm.field(description, 'skipEmptyArchives')));
  arm.put(block, 'encoding', arm.str(arm.field(description, 'encoding')) ?? '');
  arm.put(block, 'interval_in_seconds', arm.num(arm.field(description, 'intervalInSeconds')));
  arm.put(block, 'size_limit_in_bytes', arm.num(arm.field(description, 'sizeLimitInBytes')));
  const destination = arm.field(description, 'destination');
  if (destination !== undefined) {
    const target: Attributes = {};
    arm.put(target, 'name', arm.str(arm.field(destination, 'name')));
    arm.put(
      target,
      'archive_name_format',
      arm.str(arm.field(destination, 'properties', 'archiveNameFormat')),
    );
    arm.put(target, 'blob_container_name', arm.str(arm.field(destination, 'properties', 'blobContainer')));
    arm.put(
      target,
      'storage_account_id',
      arm.str(arm.field(destination, 'properties', 'storageAccountResourceId')),
    );
    block.destination = [target];
  }
  return [block];
}
