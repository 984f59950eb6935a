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
 * azurerm_servicebus_topic, from Microsoft.ServiceBus/namespaces/topics (a child resource: neither `Resources -
 * List` nor Resource Graph lists topics, and a namespace's payload does not hold them).
 *
 * The live readers list them under each namespace (`listedUnder`): `GET {namespaceId}/topics?api-version=
 * 2021-06-01-preview` (Topics - List By Namespace, paged by nextLink), the api-version azurerm 4.x reads them with
 * (go-azure-sdk servicebus/2021-06-01-preview/topics). Shape: Azure/azure-rest-api-specs
 * `servicebus/resource-manager/Microsoft.ServiceBus/preview/2021-06-01-preview/examples/Topics/`
 * `SBTopicListByNameSpace.json` and `SBTopicGet.json` (defaultMessageTimeToLive, maxSizeInMegabytes,
 * maxMessageSizeInKilobytes, enableBatchedOperations, supportOrdering, enablePartitioning, enableExpress, status).
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceServiceBusTopicRead`
 * (internal/services/servicebus/servicebus_topic_resource.go). Runtime counters (sizeInBytes, subscriptionCount,
 * countDetails) are not configuration: never read. Its subscriptions are azurerm_servicebus_subscription, not
 * compared here.
 */
export const servicebusTopic = defineType({
  type: 'azurerm_servicebus_topic',
  provider: 'azurerm',
  schema: s.attributes({ ...ENTITY_SCHEMA, support_ordering: s.boolean }),
  // azurerm 4.x schema defaults (resourceServiceBusTopicSchema); "P10675199DT2H48M5.4775807S" is never.
  defaults: {
    status: 'Active',
    auto_delete_on_idle: 'P10675199DT2H48M5.4775807S',
    default_message_ttl: 'P10675199DT2H48M5.4775807S',
    duplicate_detection_history_time_window: 'PT10M',
  },
  renamed: ENTITY_RENAMES,
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.ServiceBus/namespaces/topics',
      listedUnder: listedUnderNamespace('topics'),
      map: fromArm,
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const attributes = entityAttributes(resource);
  arm.put(attributes, 'support_ordering', arm.bool(arm.field(resource.properties, 'supportOrdering')));
  return attributes;
}
