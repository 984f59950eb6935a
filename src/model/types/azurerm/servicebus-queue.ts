import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import {
  ENTITY_RENAMES,
  ENTITY_SCHEMA,
  entityAttributes,
  listedUnderNamespace,
} from './shared/servicebus-entity.js';

/**
 * azurerm_servicebus_queue, from Microsoft.ServiceBus/namespaces/queues (a child resource: neither `Resources -
 * List` nor Resource Graph lists queues, and a namespace's payload does not hold them).
 *
 * The live readers list them under each namespace (`listedUnder`): `GET {namespaceId}/queues?api-version=
 * 2021-06-01-preview` (Queues - List By Namespace, paged by nextLink), the api-version azurerm 4.x reads them with
 * (go-azure-sdk servicebus/2021-06-01-preview/queues). Shape: Azure/azure-rest-api-specs
 * `servicebus/resource-manager/Microsoft.ServiceBus/preview/2021-06-01-preview/examples/Queues/`
 * `SBQueueListByNameSpace.json` and `SBQueueGet.json` (lockDuration, maxSizeInMegabytes, requiresSession,
 * deadLetteringOnMessageExpiration, maxDeliveryCount, forwardTo, status...).
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceServiceBusQueueRead`
 * (internal/services/servicebus/servicebus_queue_resource.go), which copies each property as ARM returns it; the
 * 4.0 names of the flags (batched_operations_enabled, express_enabled, partitioning_enabled) replace the 3.x
 * `enable_*` ones. Runtime counters (messageCount, sizeInBytes, countDetails) are not configuration: never read.
 */
export const servicebusQueue = defineType({
  type: 'azurerm_servicebus_queue',
  provider: 'azurerm',
  schema: s.attributes({
    ...ENTITY_SCHEMA,
    dead_lettering_on_message_expiration: s.boolean,
    forward_dead_lettered_messages_to: s.string,
    forward_to: s.string,
    lock_duration: s.string,
    max_delivery_count: s.number,
    requires_session: s.boolean,
  }),
  // azurerm 4.x schema defaults (resourceServicebusQueueSchema).
  defaults: {
    dead_lettering_on_message_expiration: false,
    duplicate_detection_history_time_window: 'PT10M',
    batched_operations_enabled: true,
    express_enabled: false,
    partitioning_enabled: false,
    lock_duration: 'PT1M',
    max_delivery_count: 10,
    requires_duplicate_detection: false,
    requires_session: false,
    status: 'Active',
  },
  renamed: ENTITY_RENAMES,
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.ServiceBus/namespaces/queues',
      listedUnder: listedUnderNamespace('queues'),
      map: fromArm,
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = entityAttributes(resource);
  arm.put(
    attributes,
    'dead_lettering_on_message_expiration',
    arm.bool(arm.field(p, 'deadLetteringOnMessageExpiration')),
  );
  arm.put(
    attributes,
    'forward_dead_lettered_messages_to',
    arm.str(arm.field(p, 'forwardDeadLetteredMessagesTo')),
  );
  arm.put(attributes, 'forward_to', arm.str(arm.field(p, 'forwardTo')));
  arm.put(attributes, 'lock_duration', arm.str(arm.field(p, 'lockDuration')));
  arm.put(attributes, 'max_delivery_count', arm.num(arm.field(p, 'maxDeliveryCount')));
  arm.put(attributes, 'requires_session', arm.bool(arm.field(p, 'requiresSession')));
  return attributes;
}
