import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';

/**
 * azurerm_eventgrid_topic, from Microsoft.EventGrid/topics (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `eventgrid/resource-manager/Microsoft.EventGrid/stable/2022-06-15/examples/`
 * `Topics_Get.json` (the envelope, properties.endpoint) and `Domains_CreateOrUpdate.json` (publicNetworkAccess,
 * inboundIpRules[{ipMask, action}], the shape topics share), with inputSchema and disableLocalAuth of that
 * api-version's EventGrid.json `TopicProperties` ("Default value is false" for disableLocalAuth; public network
 * access "enabled by default"; EventGridSchema the default input schema). Attribute semantics follow
 * terraform-provider-azurerm 4.x `resourceEventGridTopicRead`
 * (internal/services/eventgrid/eventgrid_topic_resource.go): public_network_access_enabled is true unless ARM says
 * `Disabled`, local_auth_enabled is the negation of disableLocalAuth (true when absent), inbound_ip_rule is the
 * list of `{ip_mask, action}`.
 *
 * Not compared: the input mapping blocks (input_mapping_fields, input_mapping_default_values), which only a
 * CustomEventSchema topic carries. The access keys come from listKeys, not GET; nothing under them is ever read.
 */
export const eventgridTopic = defineType({
  type: 'azurerm_eventgrid_topic',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    input_schema: s.string,
    public_network_access_enabled: s.boolean,
    local_auth_enabled: s.boolean,
    inbound_ip_rule: s.blocks({ ip_mask: s.string, action: s.string }),
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['endpoint'],
  sensitive: ['primary_access_key', 'secondary_access_key'],
  // azurerm 4.x schema defaults (website/docs/r/eventgrid_topic.html.markdown).
  defaults: {
    input_schema: 'EventGridSchema',
    public_network_access_enabled: true,
    local_auth_enabled: true,
  },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise: withoutComputedIdentity,
  sources: {
    arm: {
      type: 'Microsoft.EventGrid/topics',
      map: fromArm,
      // TopicProperties (2022-06-15): EventGridSchema, public network access enabled and local auth on by default.
      platformDefaults: {
        input_schema: 'EventGridSchema',
        public_network_access_enabled: true,
        local_auth_enabled: true,
      },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'input_schema', arm.str(arm.field(p, 'inputSchema')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'local_auth_enabled', negated(arm.bool(arm.field(p, 'disableLocalAuth'))));
  arm.put(
    attributes,
    'inbound_ip_rule',
    arm.records(arm.field(p, 'inboundIpRules'), (rule) => ({
      ip_mask: arm.str(arm.field(rule, 'ipMask')) ?? null,
      action: arm.str(arm.field(rule, 'action')) ?? null,
    })),
  );
  return attributes;
}

function negated(value: Value | undefined): Value | undefined {
  return typeof value === 'boolean' ? !value : value;
}
