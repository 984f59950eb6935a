import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';

/**
 * azurerm_redis_cache, from Microsoft.Cache/redis (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `redis/resource-manager/Microsoft.Cache/stable/2024-11-01/examples/`
 * `RedisCacheGet.json` (properties.sku{name, family, capacity} (the sku sits under properties), redisVersion,
 * enableNonSslPort, replicasPerMaster, replicasPerPrimary, publicNetworkAccess) with minimumTlsVersion, shardCount,
 * subnetId, staticIP and disableAccessKeyAuthentication from that api-version's RedisCommonProperties /
 * RedisCreateProperties. Attribute semantics follow terraform-provider-azurerm 4.x `resourceRedisCacheRead`:
 * redis_version is the major version (`6.0.14` -> `6`), access_keys_authentication_enabled is the negation of disableAccessKeyAuthentication, private_static_ip_address is
 * staticIP, public_network_access_enabled is publicNetworkAccess.
 *
 * Not compared: redis_configuration (a block most of whose fields the service computes for the sku; Entra
 * authentication, `aad-enabled`, lives there), zones (top-level, not in the ARM shape), patch_schedule (a separate
 * resource in ARM). Access keys come from listKeys, not GET; nothing under them is ever read.
 */
export const redisCache = defineType({
  type: 'azurerm_redis_cache',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku_name: s.string,
    family: s.string,
    capacity: s.number,
    redis_version: s.string,
    non_ssl_port_enabled: s.boolean,
    minimum_tls_version: s.string,
    public_network_access_enabled: s.boolean,
    access_keys_authentication_enabled: s.boolean,
    shard_count: s.number,
    replicas_per_master: s.number,
    replicas_per_primary: s.number,
    subnet_id: s.string,
    private_static_ip_address: s.string,
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['hostname', 'port', 'ssl_port'],
  sensitive: [
    'primary_access_key',
    'secondary_access_key',
    'primary_connection_string',
    'secondary_connection_string',
  ],
  // azurerm 4.x schema defaults (website/docs/r/redis_cache.html.markdown).
  defaults: {
    non_ssl_port_enabled: false,
    minimum_tls_version: '1.2',
    public_network_access_enabled: true,
    access_keys_authentication_enabled: true,
  },
  // azurerm 4.0 renamed enable_non_ssl_port (website/docs/4.0-upgrade-guide.html.markdown).
  renamed: [['enable_non_ssl_port', 'non_ssl_port_enabled']],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise: withoutComputedIdentity,
  sources: {
    arm: {
      type: 'Microsoft.Cache/redis',
      map: fromArm,
      // RedisCommonProperties (2024-11-01): disableAccessKeyAuthentication "Default value is false";
      // publicNetworkAccess "Default value is 'Enabled'".
      platformDefaults: { access_keys_authentication_enabled: true, public_network_access_enabled: true },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const sku = arm.field(p, 'sku');
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku_name', arm.str(arm.field(sku, 'name')));
  arm.put(attributes, 'family', arm.str(arm.field(sku, 'family')));
  arm.put(attributes, 'capacity', arm.num(arm.field(sku, 'capacity')));
  arm.put(attributes, 'redis_version', majorVersion(arm.str(arm.field(p, 'redisVersion'))));
  arm.put(attributes, 'non_ssl_port_enabled', arm.bool(arm.field(p, 'enableNonSslPort')));
  arm.put(attributes, 'minimum_tls_version', arm.str(arm.field(p, 'minimumTlsVersion')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  const keysDisabled = arm.bool(arm.field(p, 'disableAccessKeyAuthentication'));
  arm.put(
    attributes,
    'access_keys_authentication_enabled',
    typeof keysDisabled === 'boolean' ? !keysDisabled : keysDisabled,
  );
  arm.put(attributes, 'shard_count', arm.num(arm.field(p, 'shardCount')));
  arm.put(attributes, 'replicas_per_master', arm.num(arm.field(p, 'replicasPerMaster')));
  arm.put(attributes, 'replicas_per_primary', arm.num(arm.field(p, 'replicasPerPrimary')));
  arm.put(attributes, 'subnet_id', arm.str(arm.field(p, 'subnetId')));
  arm.put(attributes, 'private_static_ip_address', arm.str(arm.field(p, 'staticIP')));
  return attributes;
}

/** `6.0.14` -> `6`: the provider keeps the major version only. */
function majorVersion(value: Value | undefined): Value | undefined {
  return typeof value === 'string' ? (value.split('.')[0] ?? value) : value;
}
