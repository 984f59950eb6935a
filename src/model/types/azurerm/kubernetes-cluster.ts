import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './shared/identity.js';

/**
 * azurerm_kubernetes_cluster, from Microsoft.ContainerService/managedClusters (a row of the azurerm table until it
 * had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `containerservice/resource-manager/Microsoft.ContainerService/aks/stable/`
 * `2024-09-01/examples/ManagedClustersGet.json` (properties.kubernetesVersion, dnsPrefix, nodeResourceGroup,
 * enableRBAC, diskEncryptionSetID, networkProfile{networkPlugin, podCidr, serviceCidr, dnsServiceIP,
 * loadBalancerSku, outboundType}) with the ManagedClusterProperties of the same api-version for disableLocalAccounts,
 * aadProfile{tenantID, adminGroupObjectIDs, enableAzureRBAC}, apiServerAccessProfile{enablePrivateCluster,
 * authorizedIPRanges}, addonProfiles.azurepolicy.enabled, oidcIssuerProfile.enabled,
 * securityProfile{workloadIdentity.enabled, azureKeyVaultKms{enabled, keyId, keyVaultNetworkAccess}} and sku.tier.
 * Attribute names follow terraform-provider-azurerm 4.x (website/docs/r/kubernetes_cluster.html.markdown) and its
 * read: `azure_active_directory_role_based_access_control` is one block when aadProfile is set,
 * `key_management_service` one block when KMS is enabled, `api_server_access_profile` one block of the authorized
 * IP ranges (a set).
 *
 * Not compared: default_node_pool (agentPoolProfiles lists every pool, azurerm_kubernetes_cluster_node_pool's too),
 * linux_profile and windows_profile (admin credentials), service_principal (its secret), kube_config (listCredential),
 * network_profile's load_balancer_profile and nat_gateway_profile (outbound IPs ARM picks).
 */
export const kubernetesCluster = defineType({
  type: 'azurerm_kubernetes_cluster',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    kubernetes_version: s.string,
    dns_prefix: s.string,
    sku_tier: s.string,
    node_resource_group: s.string,
    local_account_disabled: s.boolean,
    role_based_access_control_enabled: s.boolean,
    azure_active_directory_role_based_access_control: s.blocks({
      tenant_id: s.string,
      admin_group_object_ids: s.strings,
      azure_rbac_enabled: s.boolean,
    }),
    private_cluster_enabled: s.boolean,
    api_server_access_profile: s.blocks({ authorized_ip_ranges: s.strings }),
    azure_policy_enabled: s.boolean,
    oidc_issuer_enabled: s.boolean,
    workload_identity_enabled: s.boolean,
    disk_encryption_set_id: s.string,
    key_management_service: s.blocks({ key_vault_key_id: s.string, key_vault_network_access: s.string }),
    network_profile: s.blocks({
      network_plugin: s.string,
      network_plugin_mode: s.string,
      network_policy: s.string,
      network_data_plane: s.string,
      outbound_type: s.string,
      load_balancer_sku: s.string,
      pod_cidr: s.string,
      service_cidr: s.string,
      dns_service_ip: s.string,
      pod_cidrs: s.strings,
      service_cidrs: s.strings,
      ip_versions: s.strings,
    }),
    identity: identitySchema,
  }),
  sets: [
    ...IDENTITY_SETS,
    'azure_active_directory_role_based_access_control[*].admin_group_object_ids',
    'api_server_access_profile[*].authorized_ip_ranges',
  ],
  computed: ['fqdn', 'private_fqdn', 'portal_fqdn', 'current_kubernetes_version', 'oidc_issuer_url'],
  sensitive: ['kube_config_raw', 'kube_admin_config_raw', 'kube_config', 'kube_admin_config'],
  // azurerm 4.x schema defaults (website/docs/r/kubernetes_cluster.html.markdown).
  defaults: {
    sku_tier: 'Free',
    local_account_disabled: false,
    role_based_access_control_enabled: true,
    private_cluster_enabled: false,
    oidc_issuer_enabled: false,
    workload_identity_enabled: false,
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.ContainerService/managedClusters',
      map: fromArm,
      // AKS docs, "Manage local accounts with AKS-managed Microsoft Entra integration": "When you deploy an AKS
      // cluster, local accounts are enabled by default" (disableLocalAccounts false).
      platformDefaults: { local_account_disabled: false },
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const access = arm.field(p, 'apiServerAccessProfile');
  const security = arm.field(p, 'securityProfile');
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku_tier', arm.str(arm.field(resource.sku, 'tier')));
  arm.put(attributes, 'kubernetes_version', arm.str(arm.field(p, 'kubernetesVersion')));
  arm.put(attributes, 'dns_prefix', arm.str(arm.field(p, 'dnsPrefix')));
  arm.put(attributes, 'node_resource_group', arm.str(arm.field(p, 'nodeResourceGroup')));
  arm.put(attributes, 'local_account_disabled', arm.bool(arm.field(p, 'disableLocalAccounts')));
  arm.put(attributes, 'role_based_access_control_enabled', arm.bool(arm.field(p, 'enableRBAC')));
  arm.put(attributes, 'azure_active_directory_role_based_access_control', aad(arm.field(p, 'aadProfile')));
  arm.put(attributes, 'private_cluster_enabled', arm.bool(arm.field(access, 'enablePrivateCluster')));
  arm.put(attributes, 'api_server_access_profile', apiServerAccess(access));
  arm.put(
    attributes,
    'azure_policy_enabled',
    arm.bool(arm.field(p, 'addonProfiles', 'azurepolicy', 'enabled')),
  );
  arm.put(attributes, 'oidc_issuer_enabled', arm.bool(arm.field(p, 'oidcIssuerProfile', 'enabled')));
  arm.put(
    attributes,
    'workload_identity_enabled',
    arm.bool(arm.field(security, 'workloadIdentity', 'enabled')),
  );
  arm.put(attributes, 'disk_encryption_set_id', arm.str(arm.field(p, 'diskEncryptionSetID')));
  arm.put(attributes, 'key_management_service', kms(arm.field(security, 'azureKeyVaultKms')));
  arm.put(attributes, 'network_profile', networkProfile(arm.field(p, 'networkProfile')));
  return attributes;
}

function aad(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'tenant_id', arm.str(arm.field(value, 'tenantID')));
  arm.put(block, 'admin_group_object_ids', arm.strings(arm.field(value, 'adminGroupObjectIDs')));
  arm.put(block, 'azure_rbac_enabled', arm.bool(arm.field(value, 'enableAzureRBAC')));
  return [block];
}

/** The authorized IP ranges as one block; a profile without them is no block, as the provider reads it. */
function apiServerAccess(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const ranges = arm.strings(arm.field(value, 'authorizedIPRanges'));
  if (ranges === undefined || (Array.isArray(ranges) && ranges.length === 0)) return [];
  return [{ authorized_ip_ranges: ranges }];
}

/** `{enabled: true, keyId, keyVaultNetworkAccess}` -> one block; disabled is no block. */
function kms(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const enabled = arm.bool(arm.field(value, 'enabled'));
  if (enabled === false) return [];
  if (enabled !== true) return enabled;
  return [
    {
      key_vault_key_id: arm.str(arm.field(value, 'keyId')) ?? null,
      key_vault_network_access: arm.str(arm.field(value, 'keyVaultNetworkAccess')) ?? null,
    },
  ];
}

function networkProfile(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'network_plugin', arm.str(arm.field(value, 'networkPlugin')));
  arm.put(block, 'network_plugin_mode', arm.str(arm.field(value, 'networkPluginMode')));
  arm.put(block, 'network_policy', arm.str(arm.field(value, 'networkPolicy')));
  arm.put(block, 'network_data_plane', arm.str(arm.field(value, 'networkDataplane')));
  arm.put(block, 'outbound_type', arm.str(arm.field(value, 'outboundType')));
  arm.put(block, 'load_balancer_sku', arm.str(arm.field(value, 'loadBalancerSku')));
  arm.put(block, 'pod_cidr', arm.str(arm.field(value, 'podCidr')));
  arm.put(block, 'service_cidr', arm.str(arm.field(value, 'serviceCidr')));
  arm.put(block, 'dns_service_ip', arm.str(arm.field(value, 'dnsServiceIP')));
  arm.put(block, 'pod_cidrs', arm.strings(arm.field(value, 'podCidrs')));
  arm.put(block, 'service_cidrs', arm.strings(arm.field(value, 'serviceCidrs')));
  arm.put(block, 'ip_versions', arm.strings(arm.field(value, 'ipFamilies')));
  return [block];
}
