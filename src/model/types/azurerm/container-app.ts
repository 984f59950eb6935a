import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { canonicalResourceGroupCasing } from './shared/arm-ids.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';
import { keepOnly } from './shared/nested-blocks.js';

/**
 * azurerm_container_app, from Microsoft.App/containerApps (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `app/resource-manager/Microsoft.App/stable/2025-01-01/examples/`
 * `ContainerApps_Get.json` (properties{managedEnvironmentId, workloadProfileName, configuration{ingress{external,
 * targetPort, transport, ...}, activeRevisionsMode}, template{containers[{name, image, resources{cpu, memory}}],
 * scale{minReplicas, maxReplicas}}}), with ingress.allowInsecure of that api-version's ContainerApps.json `Ingress`
 * (external and allowInsecure "default": false, transport "default": "auto"). Attribute semantics follow
 * terraform-provider-azurerm 4.x `ContainerAppResource.Read` (internal/services/containerapps/container_app_resource.go)
 * and `helpers.FlattenContainerAppIngress` / `FlattenContainerAppTemplate`: ingress is one block (none without
 * ingress) whose transport the provider lower-cases; template is one block of the scale's replica bounds and the
 * containers (name, image, cpu, memory); the environment id is the provider's canonical id.
 *
 * Not compared: the ingress's traffic weights, custom domains and IP restrictions, the containers' env, probes,
 * volume mounts and computed ephemeral storage, scale rules, Dapr and registries (canonicalise keeps Terraform's
 * blocks to what is compared). `secret` is not compared either, not even by name: azurerm marks the whole set
 * sensitive, and driftwarden masks an attribute named `secret` whole when a resource enters the engine (before any
 * canonicalise could keep its names), so declared and live would differ by digest whatever they hold. Secret values
 * come from listSecrets, never from GET; nothing under them is ever read.
 */
export const containerApp = defineType({
  type: 'azurerm_container_app',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    container_app_environment_id: s.string,
    revision_mode: s.string,
    workload_profile_name: s.string,
    ingress: s.blocks({
      external_enabled: s.boolean,
      target_port: s.number,
      transport: s.string,
      allow_insecure_connections: s.boolean,
    }),
    template: s.blocks({
      min_replicas: s.number,
      max_replicas: s.number,
      container: s.blocks({ name: s.string, image: s.string, cpu: s.number, memory: s.string }),
    }),
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['location', 'outbound_ip_addresses', 'latest_revision_name', 'latest_revision_fqdn'],
  sensitive: ['secret', 'custom_domain_verification_id'],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    withoutComputedIdentity(attributes);
    keepOnly(attributes.ingress, [
      'external_enabled',
      'target_port',
      'transport',
      'allow_insecure_connections',
    ]);
    for (const template of keepOnly(attributes.template, ['min_replicas', 'max_replicas', 'container']))
      keepOnly(template.container, ['name', 'image', 'cpu', 'memory']);
  },
  sources: { arm: { type: 'Microsoft.App/containerApps', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  const environment = arm.str(arm.field(p, 'managedEnvironmentId')) ?? arm.str(arm.field(p, 'environmentId'));
  arm.put(
    attributes,
    'container_app_environment_id',
    typeof environment === 'string' ? canonicalResourceGroupCasing(environment) : environment,
  );
  arm.put(attributes, 'workload_profile_name', arm.str(arm.field(p, 'workloadProfileName')) ?? null);
  const configuration = arm.field(p, 'configuration');
  arm.put(attributes, 'revision_mode', arm.str(arm.field(configuration, 'activeRevisionsMode')));
  if (configuration !== undefined)
    arm.put(attributes, 'ingress', ingress(arm.field(configuration, 'ingress')));
  arm.put(attributes, 'template', template(arm.field(p, 'template')));
  return attributes;
}

/** `{external, targetPort, transport, allowInsecure}` -> one block, ARM's defaults for what it leaves out. */
function ingress(value: Value | undefined): Value | undefined {
  if (value === undefined) return [];
  if (isUnknown(value)) return value;
  const transport = arm.str(arm.field(value, 'transport'));
  const block: Attributes = {
    external_enabled: arm.bool(arm.field(value, 'external')) ?? false,
    transport: typeof transport === 'string' ? transport.toLowerCase() : (transport ?? 'auto'),
    allow_insecure_connections: arm.bool(arm.field(value, 'allowInsecure')) ?? false,
  };
  arm.put(block, 'target_port', arm.num(arm.field(value, 'targetPort')));
  return [block];
}

function template(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const scale = arm.field(value, 'scale');
  const block: Attributes = {};
  arm.put(block, 'min_replicas', arm.num(arm.field(scale, 'minReplicas')));
  arm.put(block, 'max_replicas', arm.num(arm.field(scale, 'maxReplicas')));
  arm.put(
    block,
    'container',
    arm.records(arm.field(value, 'containers'), (container) => {
      const resources = arm.field(container, 'resources');
      const out: Attributes = {};
      arm.put(out, 'name', arm.str(arm.field(container, 'name')));
      arm.put(out, 'image', arm.str(arm.field(container, 'image')));
      arm.put(out, 'cpu', arm.num(arm.field(resources, 'cpu')));
      arm.put(out, 'memory', arm.str(arm.field(resources, 'memory')));
      return out;
    }),
  );
  return [block];
}
