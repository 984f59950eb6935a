import { isPlainObject, isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_eventgrid_event_subscription, from Microsoft.EventGrid/eventSubscriptions: an extension resource at any
 * scope (`{scope}/providers/Microsoft.EventGrid/eventSubscriptions/{name}`), which neither `Resources - List` nor
 * Resource Graph's `resources` table lists.
 *
 * The live readers list those on each Event Grid topic (`listedUnder`): `GET {topicId}/providers/Microsoft.EventGrid/
 * eventSubscriptions?api-version=2022-06-15` (Event Subscriptions - List By Resource, paged by nextLink), the
 * api-version azurerm 4.x reads them with (go-azure-sdk eventgrid/2022-06-15/eventsubscriptions). Subscriptions on
 * other scopes (a resource group, a storage account's system events) are not listed, so the type is covered under
 * the topics listed only, never as a whole (`alsoElsewhere`): a declared one elsewhere is not compared. Shape:
 * Azure/azure-rest-api-specs `eventgrid/resource-manager/Microsoft.EventGrid/stable/2022-06-15/examples/`
 * `EventSubscriptions_GetForCustomTopic_EventHubDestination.json` (destination{endpointType, properties.resourceId},
 * filter{subjectBeginsWith, subjectEndsWith, isSubjectCaseSensitive}, labels) and that api-version's
 * EventGrid.json EventSubscriptionProperties (eventDeliverySchema, retryPolicy, deadLetterDestination,
 * filter.includedEventTypes, filter.enableAdvancedFilteringOnArrays).
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceEventGridEventSubscriptionRead` and the flatten
 * functions of internal/services/eventgrid/event_subscription_funcs.go: scope is the id's scope; the destination
 * (or deliveryWithResourceIdentity's) sets the one of eventhub_endpoint_id, hybrid_connection_endpoint_id,
 * service_bus_queue_endpoint_id and service_bus_topic_endpoint_id its endpointType names, the others are empty; no
 * filter is no subject_filter, as is a filter whose subjectBeginsWith and subjectEndsWith are both empty; no retry
 * policy or dead-letter destination is no block.
 *
 * Not compared: webhook_endpoint (a list carries only the endpoint's base URL; the full URL, which may hold a
 * secret, is never read), azure_function_endpoint, storage_queue_endpoint, advanced_filter, the delivery and
 * dead-letter identities, delivery_property and expiration_time_utc.
 */
export const eventgridEventSubscription = defineType({
  type: 'azurerm_eventgrid_event_subscription',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    scope: s.string,
    event_delivery_schema: s.string,
    eventhub_endpoint_id: s.string,
    hybrid_connection_endpoint_id: s.string,
    service_bus_queue_endpoint_id: s.string,
    service_bus_topic_endpoint_id: s.string,
    included_event_types: s.strings,
    advanced_filtering_on_arrays_enabled: s.boolean,
    subject_filter: s.blocks({
      subject_begins_with: s.string,
      subject_ends_with: s.string,
      case_sensitive: s.boolean,
    }),
    labels: s.strings,
    retry_policy: s.blocks({ max_delivery_attempts: s.number, event_time_to_live: s.number }),
    storage_blob_dead_letter_destination: s.blocks({
      storage_account_id: s.string,
      storage_blob_container_name: s.string,
    }),
  }),
  // azurerm 4.x schema defaults (event_subscription_schema.go).
  defaults: { event_delivery_schema: 'EventGridSchema', advanced_filtering_on_arrays_enabled: false },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.EventGrid/eventSubscriptions',
      listedUnder: {
        type: 'Microsoft.EventGrid/topics',
        path: 'providers/Microsoft.EventGrid/eventSubscriptions',
        apiVersion: '2022-06-15',
        alsoElsewhere: true,
      },
      map: fromArm,
    },
  },
});

/** The destination endpoint types whose resource id azurerm keeps in an attribute of its own. */
const ENDPOINT_IDS: Readonly<Record<string, string>> = {
  eventhub: 'eventhub_endpoint_id',
  hybridconnection: 'hybrid_connection_endpoint_id',
  servicebusqueue: 'service_bus_queue_endpoint_id',
  servicebustopic: 'service_bus_topic_endpoint_id',
};

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'scope', parentIdOf(resource.id));
  if (!isPlainObject(p) || isUnknown(p)) return attributes;
  arm.put(attributes, 'event_delivery_schema', arm.str(arm.field(p, 'eventDeliverySchema')));
  const destination =
    arm.field(p, 'destination') ?? arm.field(p, 'deliveryWithResourceIdentity', 'destination');
  Object.assign(attributes, endpointIds(destination));
  const filter = arm.field(p, 'filter');
  if (filter === undefined) {
    attributes.included_event_types = [];
    attributes.advanced_filtering_on_arrays_enabled = false;
    attributes.subject_filter = [];
  } else {
    arm.put(attributes, 'included_event_types', arm.strings(arm.field(filter, 'includedEventTypes')) ?? []);
    arm.put(
      attributes,
      'advanced_filtering_on_arrays_enabled',
      arm.bool(arm.field(filter, 'enableAdvancedFilteringOnArrays')) ?? false,
    );
    arm.put(attributes, 'subject_filter', subjectFilter(filter));
  }
  arm.put(attributes, 'labels', arm.strings(arm.field(p, 'labels')) ?? []);
  arm.put(attributes, 'retry_policy', retryPolicy(arm.field(p, 'retryPolicy')));
  const deadLetter =
    arm.field(p, 'deadLetterDestination') ??
    arm.field(p, 'deadLetterWithResourceIdentity', 'deadLetterDestination');
  arm.put(attributes, 'storage_blob_dead_letter_destination', deadLetterBlob(deadLetter));
  return attributes;
}

/** The one endpoint id the destination's type names, the others empty; nothing when the type is not known. */
function endpointIds(destination: Value | undefined): Attributes {
  const type = arm.str(arm.field(destination, 'endpointType'));
  if (typeof type !== 'string') return {};
  const resourceId = arm.str(arm.field(destination, 'properties', 'resourceId')) ?? null;
  const own = ENDPOINT_IDS[type.toLowerCase()];
  return Object.fromEntries(
    Object.values(ENDPOINT_IDS).map((name) => [name, name === own ? resourceId : null]),
  );
}

function subjectFilter(filter: Value): Value | undefined {
  if (isUnknown(filter)) return filter;
  const begins = arm.str(arm.field(filter, 'subjectBeginsWith'));
  const ends = arm.str(arm.field(filter, 'subjectEndsWith'));
  if (begins === '' && ends === '') return [];
  return [
    {
      subject_begins_with: begins ?? '',
      subject_ends_with: ends ?? '',
      case_sensitive: arm.bool(arm.field(filter, 'isSubjectCaseSensitive')) ?? false,
    },
  ];
}

function retryPolicy(policy: Value | undefined): Value | undefined {
  if (policy === undefined) return [];
  if (isUnknown(policy)) return policy;
  return [
    {
      max_delivery_attempts: arm.num(arm.field(policy, 'maxDeliveryAttempts')) ?? 0,
      event_time_to_live: arm.num(arm.field(policy, 'eventTimeToLiveInMinutes')) ?? 0,
    },
  ];
}

function deadLetterBlob(destination: Value | undefined): Value | undefined {
  if (destination === undefined) return [];
  if (isUnknown(destination)) return destination;
  const type = arm.str(arm.field(destination, 'endpointType'));
  if (typeof type !== 'string') return type;
  if (type.toLowerCase() !== 'storageblob') return [];
  return [
    {
      storage_account_id: arm.str(arm.field(destination, 'properties', 'resourceId')) ?? '',
      storage_blob_container_name: arm.str(arm.field(destination, 'properties', 'blobContainerName')) ?? '',
    },
  ];
}
