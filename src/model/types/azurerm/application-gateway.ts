import { isPlainObject, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import {
  blocksOf,
  count,
  flag,
  idOf,
  keepFields,
  nameOf,
  namesOf,
  type Read,
  single,
  subResources,
  text,
  texts,
} from './shared/blocks.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';

/** What each block compares: its schema, and what canonicalise keeps of Terraform's block (ids are computed). */
const BLOCKS = {
  sku: { name: s.string, tier: s.string, capacity: s.number },
  autoscale_configuration: { min_capacity: s.number, max_capacity: s.number },
  waf_configuration: {
    enabled: s.boolean,
    firewall_mode: s.string,
    rule_set_type: s.string,
    rule_set_version: s.string,
    file_upload_limit_mb: s.number,
    request_body_check: s.boolean,
    max_request_body_size_kb: s.number,
  },
  ssl_policy: {
    policy_type: s.string,
    policy_name: s.string,
    min_protocol_version: s.string,
    cipher_suites: s.strings,
    disabled_protocols: s.strings,
  },
  gateway_ip_configuration: { name: s.string, subnet_id: s.string },
  frontend_ip_configuration: {
    name: s.string,
    subnet_id: s.string,
    private_ip_address: s.string,
    private_ip_address_allocation: s.string,
    public_ip_address_id: s.string,
    private_link_configuration_name: s.string,
  },
  frontend_port: { name: s.string, port: s.number },
  backend_address_pool: { name: s.string, fqdns: s.strings, ip_addresses: s.strings },
  backend_http_settings: {
    name: s.string,
    port: s.number,
    protocol: s.string,
    cookie_based_affinity: s.string,
    affinity_cookie_name: s.string,
    path: s.string,
    host_name: s.string,
    pick_host_name_from_backend_address: s.boolean,
    request_timeout: s.number,
    probe_name: s.string,
    trusted_root_certificate_names: s.strings,
    connection_draining: s.blocks({ enabled: s.boolean, drain_timeout_sec: s.number }),
  },
  http_listener: {
    name: s.string,
    frontend_ip_configuration_name: s.string,
    frontend_port_name: s.string,
    protocol: s.string,
    host_name: s.string,
    host_names: s.strings,
    ssl_certificate_name: s.string,
    ssl_profile_name: s.string,
    require_sni: s.boolean,
    firewall_policy_id: s.string,
  },
  request_routing_rule: {
    name: s.string,
    rule_type: s.string,
    priority: s.number,
    http_listener_name: s.string,
    backend_address_pool_name: s.string,
    backend_http_settings_name: s.string,
    url_path_map_name: s.string,
    redirect_configuration_name: s.string,
    rewrite_rule_set_name: s.string,
  },
};

const UNSET_AS_ZERO = [
  ['sku', 'capacity'],
  ['autoscale_configuration', 'max_capacity'],
  ['request_routing_rule', 'priority'],
] as const;

/**
 * azurerm_application_gateway, from Microsoft.Network/applicationGateways (a row of the azurerm table until it had
 * a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-07-01/`
 * `examples/ApplicationGatewayGet.json` and `ApplicationGatewayCreate.json` (sku under `properties`, and every
 * part a sub-resource `{name, id, properties}` that refers to the others by id: a listener's
 * `frontendIPConfiguration{id}`, a rule's `httpListener{id}`) and `applicationGateway.json`
 * (ApplicationGatewayPropertiesFormat: `autoscaleConfiguration`, `webApplicationFirewallConfiguration`,
 * `firewallPolicy`, `sslPolicy`, `enableHttp2`, `enableFips`, `forceFirewallPolicyAssociation`). Attribute
 * semantics follow terraform-provider-azurerm 4.x `resourceApplicationGatewayRead` and its flatten functions: a
 * reference becomes the name of what it refers to (the last segment of its id); a backend address is an IP address
 * if it has one, else an FQDN; no autoscale or WAF configuration is an empty block list; ssl_policy is
 * Optional+Computed (Azure applies a default policy), so it is compared only where the source states one; the
 * provider's sets are backend_address_pool, backend_http_settings, frontend_port, http_listener and
 * request_routing_rule. enable_http2 keeps its name in 4.x.
 *
 * Left out, with why: zones (ARM's top-level `zones`, which neither the ARM shape the readers pass on nor Resource
 * Graph's projection carries); probe, url_path_map, redirect_configuration, rewrite_rule_set, ssl_profile,
 * custom_error_configuration, private_link_configuration and global (nested lists of their own, for a later pass);
 * the certificates (ssl_certificate, trusted_root_certificate, authentication_certificate,
 * trusted_client_certificate: their data and passwords are never returned by ARM); WAF disabled_rule_group and
 * exclusion; backend_http_settings' dedicated_backend_connection_enabled and authentication_certificate. Each
 * block's id and the ids beside the names (http_listener_id, probe_id, ...) are computed.
 */
export const applicationGateway = defineType({
  type: 'azurerm_application_gateway',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    ...Object.fromEntries(Object.entries(BLOCKS).map(([name, shape]) => [name, s.blocks(shape)])),
    enable_http2: s.boolean,
    fips_enabled: s.boolean,
    force_firewall_policy_association: s.boolean,
    firewall_policy_id: s.string,
    identity: identitySchema,
  }),
  sets: [
    'backend_address_pool',
    'backend_address_pool[*].fqdns',
    'backend_address_pool[*].ip_addresses',
    'backend_http_settings',
    'frontend_port',
    'http_listener',
    'http_listener[*].host_names',
    'request_routing_rule',
    ...IDENTITY_SETS,
  ],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    for (const [name, shape] of Object.entries(BLOCKS)) keepFields(attributes, name, Object.keys(shape));
    // Terraform stores an unset integer of a block as 0, which none of these can be (capacity 1-125, max_capacity
    // 2-125, priority 1-20000): an autoscaling gateway's sku has no capacity, and ARM reports none.
    for (const [name, field] of UNSET_AS_ZERO)
      for (const block of blocksOf(attributes[name])) if (block[field] === 0) delete block[field];
    withoutComputedIdentity(attributes);
  },
  sources: { arm: { type: 'Microsoft.Network/applicationGateways', map: fromArm } },
});

/** Each block from the gateway's properties. */
const READERS: Record<keyof typeof BLOCKS, Read> = {
  sku: single('sku', { name: text('name'), tier: text('tier'), capacity: count('capacity') }),
  autoscale_configuration: single(
    'autoscaleConfiguration',
    { min_capacity: count('minCapacity'), max_capacity: count('maxCapacity') },
    [],
  ),
  waf_configuration: single(
    'webApplicationFirewallConfiguration',
    {
      enabled: flag('enabled'),
      firewall_mode: text('firewallMode'),
      rule_set_type: text('ruleSetType'),
      rule_set_version: text('ruleSetVersion'),
      file_upload_limit_mb: count('fileUploadLimitInMb'),
      request_body_check: flag('requestBodyCheck'),
      max_request_body_size_kb: count('maxRequestBodySizeInKb'),
    },
    [],
  ),
  ssl_policy: single('sslPolicy', {
    policy_type: text('policyType'),
    policy_name: text('policyName'),
    min_protocol_version: text('minProtocolVersion'),
    cipher_suites: texts('cipherSuites'),
    disabled_protocols: texts('disabledSslProtocols'),
  }),
  gateway_ip_configuration: subResources('gatewayIPConfigurations', { subnet_id: idOf('subnet') }),
  frontend_ip_configuration: subResources('frontendIPConfigurations', {
    subnet_id: idOf('subnet'),
    private_ip_address: text('privateIPAddress'),
    private_ip_address_allocation: text('privateIPAllocationMethod'),
    public_ip_address_id: idOf('publicIPAddress'),
    private_link_configuration_name: nameOf('privateLinkConfiguration'),
  }),
  frontend_port: subResources('frontendPorts', { port: count('port') }),
  backend_address_pool: subResources('backendAddressPools', {
    ip_addresses: backendAddresses('ipAddress'),
    fqdns: backendAddresses('fqdn'),
  }),
  backend_http_settings: subResources('backendHttpSettingsCollection', {
    port: count('port'),
    protocol: text('protocol'),
    cookie_based_affinity: text('cookieBasedAffinity'),
    affinity_cookie_name: text('affinityCookieName'),
    path: text('path'),
    host_name: text('hostName'),
    pick_host_name_from_backend_address: flag('pickHostNameFromBackendAddress'),
    request_timeout: count('requestTimeout'),
    probe_name: nameOf('probe'),
    trusted_root_certificate_names: namesOf('trustedRootCertificates'),
    connection_draining: single('connectionDraining', {
      enabled: flag('enabled'),
      drain_timeout_sec: count('drainTimeoutInSec'),
    }),
  }),
  http_listener: subResources('httpListeners', {
    frontend_ip_configuration_name: nameOf('frontendIPConfiguration'),
    frontend_port_name: nameOf('frontendPort'),
    protocol: text('protocol'),
    host_name: text('hostName'),
    host_names: texts('hostNames'),
    ssl_certificate_name: nameOf('sslCertificate'),
    ssl_profile_name: nameOf('sslProfile'),
    require_sni: flag('requireServerNameIndication'),
    firewall_policy_id: idOf('firewallPolicy'),
  }),
  request_routing_rule: subResources('requestRoutingRules', {
    rule_type: text('ruleType'),
    priority: count('priority'),
    http_listener_name: nameOf('httpListener'),
    backend_address_pool_name: nameOf('backendAddressPool'),
    backend_http_settings_name: nameOf('backendHttpSettings'),
    url_path_map_name: nameOf('urlPathMap'),
    redirect_configuration_name: nameOf('redirectConfiguration'),
    rewrite_rule_set_name: nameOf('rewriteRuleSet'),
  }),
};

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row carries no properties: the envelope and identity are all it says.
  if (!isPlainObject(p)) return attributes;
  for (const [name, read] of Object.entries(READERS)) arm.put(attributes, name, read(p));
  arm.put(attributes, 'enable_http2', arm.bool(arm.field(p, 'enableHttp2')));
  arm.put(attributes, 'fips_enabled', arm.bool(arm.field(p, 'enableFips')));
  arm.put(
    attributes,
    'force_firewall_policy_association',
    arm.bool(arm.field(p, 'forceFirewallPolicyAssociation')),
  );
  arm.put(attributes, 'firewall_policy_id', arm.str(arm.field(p, 'firewallPolicy', 'id')));
  return attributes;
}

/** The pool's addresses of one kind: an address with an ipAddress is an IP address, else its fqdn is an FQDN. */
function backendAddresses(kind: 'ipAddress' | 'fqdn'): Read {
  const kindOf = (address: Value) =>
    typeof arm.field(address, 'ipAddress') === 'string'
      ? 'ipAddress'
      : typeof arm.field(address, 'fqdn') === 'string'
        ? 'fqdn'
        : undefined;
  return (pool) =>
    arm.list(
      arm.field(pool, 'backendAddresses'),
      (address) => isPlainObject(address) && kindOf(address) === kind,
      (address) => arm.field(address, kind) ?? null,
    );
}
