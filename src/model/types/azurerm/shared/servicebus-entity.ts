import * as arm from '../../read/arm.js';
import type { Attributes } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';
import { parentIdOf } from './arm-ids.js';

/*
 * What Service Bus queues and topics share (SBQueueProperties and SBTopicProperties, servicebus 2021-06-01-preview,
 * the api-version azurerm 4.x reads both with): the same property names, read the same way by the provider's
 * resourceServiceBusQueueRead and resourceServiceBusTopicRead.
 */

/** Where the live readers list a namespace's entities, at azurerm 4.x's api-version (go-azure-sdk queues, topics). */
export function listedUnderNamespace(path: 'queues' | 'topics') {
  return { type: 'Microsoft.ServiceBus/namespaces', path, apiVersion: '2021-06-01-preview' };
}

export const ENTITY_SCHEMA = {
  name: s.string,
  namespace_id: s.string,
  status: s.string,
  auto_delete_on_idle: s.string,
  default_message_ttl: s.string,
  duplicate_detection_history_time_window: s.string,
  batched_operations_enabled: s.boolean,
  express_enabled: s.boolean,
  partitioning_enabled: s.boolean,
  max_message_size_in_kilobytes: s.number,
  max_size_in_megabytes: s.number,
  requires_duplicate_detection: s.boolean,
};

/** The provider 3.x names of the three flags, renamed in 4.0. */
export const ENTITY_RENAMES = [
  ['enable_batched_operations', 'batched_operations_enabled'],
  ['enable_express', 'express_enabled'],
  ['enable_partitioning', 'partitioning_enabled'],
] as const;

/**
 * The shared attributes of a queue or topic payload. `max_size_in_megabytes` is what ARM returns, except for a
 * partitioned entity: the provider divides it by 16 unless the namespace is Premium, which the entity's payload
 * does not say, so there it is left out (not compared).
 */
export function entityAttributes(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'namespace_id', parentIdOf(resource.id));
  arm.put(attributes, 'status', arm.str(arm.field(p, 'status')));
  arm.put(attributes, 'auto_delete_on_idle', arm.str(arm.field(p, 'autoDeleteOnIdle')));
  arm.put(attributes, 'default_message_ttl', arm.str(arm.field(p, 'defaultMessageTimeToLive')));
  arm.put(
    attributes,
    'duplicate_detection_history_time_window',
    arm.str(arm.field(p, 'duplicateDetectionHistoryTimeWindow')),
  );
  arm.put(attributes, 'batched_operations_enabled', arm.bool(arm.field(p, 'enableBatchedOperations')));
  arm.put(attributes, 'express_enabled', arm.bool(arm.field(p, 'enableExpress')));
  const partitioned = arm.bool(arm.field(p, 'enablePartitioning'));
  arm.put(attributes, 'partitioning_enabled', partitioned);
  arm.put(attributes, 'max_message_size_in_kilobytes', arm.num(arm.field(p, 'maxMessageSizeInKilobytes')));
  if (partitioned === false || partitioned === undefined)
    arm.put(attributes, 'max_size_in_megabytes', arm.num(arm.field(p, 'maxSizeInMegabytes')));
  arm.put(attributes, 'requires_duplicate_detection', arm.bool(arm.field(p, 'requiresDuplicateDetection')));
  return attributes;
}
