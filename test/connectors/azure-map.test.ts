import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARM_MAPPINGS,
  ARM_TYPE_BY_TERRAFORM_TYPE,
  graphTypeOf,
  mappingFor,
} from '../../connectors/azure/map/index.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from '../../connectors/azure/map/types.js';
import { canonicalResourceGroupCasing, parentIdOf } from '../../src/model/types/azurerm/shared/arm-ids.js';
import { siteTypeOf } from '../../src/model/types/azurerm/shared/web-site.js';
import { ARM_TABLE } from '../../src/model/types/azurerm/table/index.js';
import { RESOURCE_TYPES } from '../../src/model/types/index.js';
import { idSegmentAfter } from '../../src/model/types/read/arm.js';

/** The live connector's mappings, each the type catalogue's (src/model/types/azurerm) as the connector reads it. */
function catalogueMapping(armType: string): ArmTypeMapping {
  const mapping = mappingFor(armType);
  if (!mapping) throw new Error(`no mapping for ${armType}`);
  return mapping;
}
const storageAccountMapping = catalogueMapping('Microsoft.Storage/storageAccounts');
const resourceGroupMapping = catalogueMapping('Microsoft.Resources/resourceGroups');
const managedDiskMapping = catalogueMapping('Microsoft.Compute/disks');
const keyVaultMapping = catalogueMapping('Microsoft.KeyVault/vaults');
const mssqlServerMapping = catalogueMapping('Microsoft.Sql/servers');
const mssqlDatabaseMapping = catalogueMapping('Microsoft.Sql/servers/databases');
const roleDefinitionMapping = catalogueMapping('Microsoft.Authorization/roleDefinitions');
const roleAssignmentMapping = catalogueMapping('Microsoft.Authorization/roleAssignments');
const networkSecurityGroupMapping = catalogueMapping('Microsoft.Network/networkSecurityGroups');
const webAppMapping = catalogueMapping('Microsoft.Web/sites');

const FIXTURES = join(import.meta.dirname, '../../fixtures/azure');
const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const KV = 'https://kv-acme-prod.vault.azure.net';
const KV_ID = `${RG}/providers/Microsoft.KeyVault/vaults/kv-acme-prod`;
const SUBNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-app`;
const PLANTED = ['PLANTEDstorageKEY', 'PLANTED-conn-secret', 'PLANTEDfuncKEY', 'AccountKey=', 'Password='];

/** A fresh copy of a recorded payload on every call, so a test may change it. */
function fixture(file: string): ArmResource {
  const parsed: unknown = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
  if (!isArmResource(parsed)) throw new Error(`${file} is not an ARM resource`);
  return parsed;
}

function isArmResource(value: unknown): value is ArmResource {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.type === 'string';
}

function mapFixture(mapping: ArmTypeMapping, file: string): MappedResource | undefined {
  const resource = fixture(file);
  expect(mappingFor(resource.type)).toBe(mapping);
  return mapping.map(resource);
}

function withProperties(file: string, change: (properties: Record<string, unknown>) => void): ArmResource {
  const resource = fixture(file);
  const properties = resource.properties ?? {};
  change(properties);
  resource.properties = properties;
  return resource;
}

describe('ARM mappings: recorded payloads', () => {
  it('maps a storage account with network rules and a customer-managed key', () => {
    expect(mapFixture(storageAccountMapping, 'storage-account.json')).toEqual({
      id: `${RG}/providers/Microsoft.Storage/storageAccounts/stacmeprod01`,
      terraformType: 'azurerm_storage_account',
      attributes: {
        name: 'stacmeprod01',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod', team: 'payments' },
        account_kind: 'StorageV2',
        account_tier: 'Standard',
        account_replication_type: 'GRS',
        https_traffic_only_enabled: true,
        min_tls_version: 'TLS1_2',
        allow_nested_items_to_be_public: false,
        infrastructure_encryption_enabled: true,
        shared_access_key_enabled: false,
        public_network_access_enabled: true,
        network_rules: [
          {
            default_action: 'Deny',
            bypass: ['AzureServices', 'Logging'],
            ip_rules: ['203.0.113.0/24', '198.51.100.7'],
            virtual_network_subnet_ids: [SUBNET],
          },
        ],
        customer_managed_key: [
          {
            key_vault_key_id: `${KV}/keys/storage-cmk`,
            user_assigned_identity_id: `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage-cmk`,
          },
        ],
      },
    });
  });

  it('maps a managed disk with a disk encryption set and Azure Disk Encryption settings', () => {
    expect(mapFixture(managedDiskMapping, 'managed-disk.json')).toEqual({
      id: `${RG}/providers/Microsoft.Compute/disks/disk-orders-data`,
      terraformType: 'azurerm_managed_disk',
      attributes: {
        name: 'disk-orders-data',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod' },
        storage_account_type: 'Premium_LRS',
        disk_size_gb: 256,
        disk_encryption_set_id: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-prod`,
        encryption_settings: [
          {
            disk_encryption_key: [
              {
                secret_url: `${KV}/secrets/disk-orders-data-bek/5d1c0e6f2a3b4c8d9e0f1a2b3c4d5e6f`,
                source_vault_id: KV_ID,
              },
            ],
            key_encryption_key: [
              { key_url: `${KV}/keys/disk-kek/a1b2c3d4e5f60718293a4b5c6d7e8f90`, source_vault_id: KV_ID },
            ],
          },
        ],
        network_access_policy: 'DenyAll',
        public_network_access_enabled: false,
      },
    });
  });

  it('maps a key vault, without its access policies', () => {
    expect(mapFixture(keyVaultMapping, 'key-vault.json')).toEqual({
      id: KV_ID,
      terraformType: 'azurerm_key_vault',
      attributes: {
        name: 'kv-acme-prod',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: {},
        tenant_id: '11111111-2222-3333-4444-555555555555',
        sku_name: 'premium',
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        rbac_authorization_enabled: true,
        public_network_access_enabled: true,
        network_acls: [
          {
            default_action: 'Deny',
            bypass: 'AzureServices',
            ip_rules: ['203.0.113.0/24'],
            virtual_network_subnet_ids: [
              `/subscriptions/${SUB}/resourcegroups/rg-prod/providers/microsoft.network/virtualnetworks/vnet-prod/subnets/snet-app`,
            ],
          },
        ],
      },
    });
  });

  it('maps a SQL server, without its password', () => {
    expect(mapFixture(mssqlServerMapping, 'mssql-server.json')).toEqual({
      id: `${RG}/providers/Microsoft.Sql/servers/sql-acme-prod`,
      terraformType: 'azurerm_mssql_server',
      attributes: {
        name: 'sql-acme-prod',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod' },
        version: '12.0',
        administrator_login: 'sqladmin',
        minimum_tls_version: '1.2',
        public_network_access_enabled: false,
      },
    });
  });

  it('maps a SQL database with the TDE state the connector attached', () => {
    expect(mapFixture(mssqlDatabaseMapping, 'mssql-database.json')).toEqual({
      id: `${RG}/providers/Microsoft.Sql/servers/sql-acme-prod/databases/orders`,
      terraformType: 'azurerm_mssql_database',
      attributes: {
        name: 'orders',
        server_id: `${RG}/providers/Microsoft.Sql/servers/sql-acme-prod`,
        sku_name: 'GP_Gen5_2',
        collation: 'SQL_Latin1_General_CP1_CI_AS',
        max_size_gb: 32,
        zone_redundant: true,
        transparent_data_encryption_enabled: true,
        tags: { env: 'prod' },
      },
    });
  });

  it('maps a custom role definition, keyed by the provider import id {id}|{scope}', () => {
    const id = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4f8e3c2a-7b1d-4e6f-9a05-2c3d4e5f6a7b`;
    expect(mapFixture(roleDefinitionMapping, 'role-definition-custom.json')).toEqual({
      id: `${id}|/subscriptions/${SUB}`,
      terraformType: 'azurerm_role_definition',
      attributes: {
        name: 'acme-app-operator',
        description: 'Restart the order apps and read their storage',
        scope: `/subscriptions/${SUB}`,
        role_definition_id: '4f8e3c2a-7b1d-4e6f-9a05-2c3d4e5f6a7b',
        role_definition_resource_id: id,
        assignable_scopes: [`/subscriptions/${SUB}`, RG],
        permissions: [
          {
            actions: [
              'Microsoft.Resources/subscriptions/resourceGroups/read',
              'Microsoft.Storage/storageAccounts/read',
              'Microsoft.Web/sites/restart/action',
            ],
            not_actions: [],
            data_actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'],
            not_data_actions: [],
          },
        ],
      },
    });
  });

  it('skips a built-in role definition', () => {
    expect(mapFixture(roleDefinitionMapping, 'role-definition-builtin.json')).toBeUndefined();
  });

  it('maps a role assignment, with the canonical resource-group casing in scope', () => {
    expect(mapFixture(roleAssignmentMapping, 'role-assignment.json')).toEqual({
      id: `${RG}/providers/Microsoft.Authorization/roleAssignments/b0f43c54-e787-4862-89b1-a653fa9cf747`,
      terraformType: 'azurerm_role_assignment',
      attributes: {
        name: 'b0f43c54-e787-4862-89b1-a653fa9cf747',
        scope: RG,
        role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`,
        principal_id: 'ce2ce14e-85d7-4629-bdbc-454d0519d987',
        principal_type: 'ServicePrincipal',
        description: 'orders-api reads invoices',
        condition:
          "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'invoices'",
        condition_version: '2.0',
      },
    });
  });

  it('maps a network security group from its custom rules only', () => {
    expect(mapFixture(networkSecurityGroupMapping, 'network-security-group.json')).toEqual({
      id: `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-app`,
      terraformType: 'azurerm_network_security_group',
      attributes: {
        name: 'nsg-app',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod' },
        security_rule: [
          {
            name: 'allow-https-inbound',
            priority: 100,
            protocol: 'Tcp',
            direction: 'Inbound',
            access: 'Allow',
            source_port_range: '*',
            destination_port_range: '443',
            source_address_prefix: 'Internet',
            destination_address_prefix: '10.0.1.0/24',
            description: 'HTTPS from the internet to the app subnet',
            source_port_ranges: [],
            destination_port_ranges: [],
            source_address_prefixes: [],
            destination_address_prefixes: [],
          },
          {
            name: 'allow-admin-from-bastion',
            priority: 200,
            protocol: 'Tcp',
            direction: 'Inbound',
            access: 'Allow',
            source_port_range: '*',
            destination_address_prefix: 'VirtualNetwork',
            source_port_ranges: [],
            destination_port_ranges: ['22', '3389'],
            source_address_prefixes: ['10.0.250.0/26', '10.0.251.0/26'],
            destination_address_prefixes: [],
          },
          {
            name: 'allow-app-to-sql',
            priority: 300,
            protocol: 'Tcp',
            direction: 'Outbound',
            access: 'Allow',
            source_port_range: '*',
            destination_port_range: '1433',
            destination_address_prefix: 'Sql.WestEurope',
            source_port_ranges: [],
            destination_port_ranges: [],
            source_address_prefixes: [],
            destination_address_prefixes: [],
            source_application_security_group_ids: [
              `${RG}/providers/Microsoft.Network/applicationSecurityGroups/asg-app`,
            ],
          },
          {
            name: 'deny-all-inbound',
            priority: 4096,
            protocol: '*',
            direction: 'Inbound',
            access: 'Deny',
            source_port_range: '*',
            destination_port_range: '*',
            source_address_prefix: '*',
            destination_address_prefix: '*',
            source_port_ranges: [],
            destination_port_ranges: [],
            source_address_prefixes: [],
            destination_address_prefixes: [],
          },
        ],
      },
    });
  });

  it('maps a Linux web app with the /config/web site config the connector attached', () => {
    expect(mapFixture(webAppMapping, 'web-app-linux.json')).toEqual({
      id: `${RG}/providers/Microsoft.Web/sites/app-orders-web`,
      terraformType: 'azurerm_linux_web_app',
      attributes: {
        name: 'app-orders-web',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod', app: 'orders' },
        service_plan_id: `${RG}/providers/Microsoft.Web/serverFarms/asp-linux-prod`,
        https_only: true,
        public_network_access_enabled: false,
        client_certificate_enabled: true,
        site_config: [
          { minimum_tls_version: '1.2', ftps_state: 'FtpsOnly', http2_enabled: true, always_on: true },
        ],
      },
    });
  });

  it('maps a Windows web app; the placeholder siteConfig of a plain GET site gives no site_config', () => {
    expect(mapFixture(webAppMapping, 'web-app-windows.json')).toEqual({
      id: `${RG}/providers/Microsoft.Web/sites/app-orders-admin`,
      terraformType: 'azurerm_windows_web_app',
      attributes: {
        name: 'app-orders-admin',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod', app: 'orders-admin' },
        service_plan_id: `${RG}/providers/Microsoft.Web/serverFarms/asp-windows-prod`,
        https_only: false,
        client_certificate_enabled: false,
      },
    });
  });

  it('maps a Linux function app', () => {
    expect(mapFixture(webAppMapping, 'web-app-linux-function.json')).toEqual({
      id: `${RG}/providers/Microsoft.Web/sites/func-orders-events`,
      terraformType: 'azurerm_linux_function_app',
      attributes: {
        name: 'func-orders-events',
        location: 'westeurope',
        resource_group_name: 'rg-prod',
        tags: { env: 'prod', app: 'orders' },
        service_plan_id: `${RG}/providers/Microsoft.Web/serverFarms/asp-func-prod`,
        https_only: true,
        public_network_access_enabled: true,
        client_certificate_enabled: false,
        site_config: [
          { minimum_tls_version: '1.0', ftps_state: 'AllAllowed', http2_enabled: false, always_on: false },
        ],
      },
    });
  });

  it('maps a resource group', () => {
    expect(mapFixture(resourceGroupMapping, 'resource-group.json')).toEqual({
      id: RG,
      terraformType: 'azurerm_resource_group',
      attributes: {
        name: 'rg-prod',
        location: 'westeurope',
        tags: { env: 'prod', 'cost-center': 'cc-1042' },
      },
    });
  });
});

describe('ARM mappings: customer-managed key ids', () => {
  function cmk(vault: Record<string, unknown>): unknown {
    const resource = withProperties('storage-account.json', (p) => {
      const encryption = p.encryption as Record<string, unknown>;
      delete encryption.keyvaultproperties;
      encryption.keyVaultProperties = vault;
    });
    return storageAccountMapping.map(resource)?.attributes.customer_managed_key;
  }

  it('pins the version when ARM reports one, whatever the key casing', () => {
    expect(cmk({ keyVaultUri: `${KV}/`, keyName: 'storage-cmk', keyVersion: '0682afdd' })).toEqual([
      {
        key_vault_key_id: `${KV}/keys/storage-cmk/0682afdd`,
        user_assigned_identity_id: `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage-cmk`,
      },
    ]);
  });

  it('reports a Managed HSM key as managed_hsm_key_id', () => {
    const [block] = cmk({ keyvaulturi: 'https://hsm-acme.managedhsm.azure.net', keyname: 'k' }) as unknown[];
    expect(block).toEqual({
      managed_hsm_key_id: 'https://hsm-acme.managedhsm.azure.net/keys/k',
      user_assigned_identity_id: `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage-cmk`,
    });
  });
});

describe('ARM mappings: what is skipped', () => {
  it('skips the master database', () => {
    expect(mapFixture(mssqlDatabaseMapping, 'mssql-database-master.json')).toBeUndefined();
  });

  it('skips built-in roles however the type is spelled, and maps only CustomRole', () => {
    const builtIn = withProperties('role-definition-custom.json', (p) => {
      p.type = 'BuiltInRole';
    });
    expect(roleDefinitionMapping.map(builtIn)).toBeUndefined();
    const untyped = withProperties('role-definition-custom.json', (p) => {
      delete p.type;
    });
    expect(roleDefinitionMapping.map(untyped)).toBeUndefined();
    const lowerCase = withProperties('role-definition-custom.json', (p) => {
      p.type = 'customrole';
    });
    expect(roleDefinitionMapping.map(lowerCase)?.terraformType).toBe('azurerm_role_definition');
  });

  it('skips Logic Apps and Arc-hosted sites, and tells web from function apps by kind', () => {
    expect(siteTypeOf('app')).toBe('azurerm_windows_web_app');
    expect(siteTypeOf('app,linux')).toBe('azurerm_linux_web_app');
    expect(siteTypeOf('app,linux,container')).toBe('azurerm_linux_web_app');
    expect(siteTypeOf('app,container,windows')).toBe('azurerm_windows_web_app');
    expect(siteTypeOf('functionapp')).toBe('azurerm_windows_function_app');
    expect(siteTypeOf('FunctionApp,Linux')).toBe('azurerm_linux_function_app');
    expect(siteTypeOf('functionapp,workflowapp')).toBeUndefined();
    expect(siteTypeOf('app,linux,kubernetes')).toBeUndefined();
    expect(siteTypeOf('functionapp,linux,container,azurecontainerapps')).toBeUndefined();
    // ARM gives a site created without a kind the kind `app`.
    expect(siteTypeOf(undefined)).toBe('azurerm_windows_web_app');
    expect(siteTypeOf('')).toBeUndefined();
    expect(siteTypeOf({ __unknown: true })).toBeUndefined();
    const logicApp = fixture('web-app-linux-function.json');
    logicApp.kind = 'functionapp,workflowapp';
    expect(webAppMapping.map(logicApp)).toBeUndefined();
  });
});

describe('ARM mappings: absent is unknown, never null', () => {
  it('leaves out storage attributes the payload does not report, and no CMK block for Microsoft-managed keys', () => {
    const resource = withProperties('storage-account.json', (p) => {
      delete p.minimumTlsVersion;
      delete p.publicNetworkAccess;
      delete p.networkAcls;
      p.encryption = {
        keySource: 'Microsoft.Storage',
        services: { blob: { enabled: true, keyType: 'Account' } },
      };
    });
    const attributes = storageAccountMapping.map(resource)?.attributes ?? {};
    for (const name of [
      'min_tls_version',
      'public_network_access_enabled',
      'network_rules',
      'infrastructure_encryption_enabled',
    ]) {
      expect(attributes).not.toHaveProperty(name);
    }
    // keySource Microsoft.Storage says there is no customer-managed key: an empty block list, not unknown.
    expect(attributes.customer_managed_key).toEqual([]);
    expect(attributes.https_traffic_only_enabled).toBe(true);
  });

  it('reads a list row without properties as the envelope alone', () => {
    const resource = fixture('storage-account.json');
    delete resource.properties;
    expect(storageAccountMapping.map(resource)?.attributes).toEqual({
      name: 'stacmeprod01',
      location: 'westeurope',
      resource_group_name: 'rg-prod',
      tags: { env: 'prod', team: 'payments' },
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'GRS',
    });
  });

  it('treats null fields as absent', () => {
    const resource = withProperties('mssql-server.json', (p) => {
      p.minimalTlsVersion = null;
      p.publicNetworkAccess = null;
    });
    resource.tags = null;
    const attributes = mssqlServerMapping.map(resource)?.attributes ?? {};
    expect(attributes).not.toHaveProperty('minimum_tls_version');
    expect(attributes).not.toHaveProperty('public_network_access_enabled');
    expect(attributes).not.toHaveProperty('tags');
    expect(Object.values(attributes)).not.toContain(null);
  });

  it('leaves TDE out until the connector attaches it, reads Disabled, and an unreadable state as unknown', () => {
    const bare = withProperties('mssql-database.json', (p) => {
      delete p.transparentDataEncryption;
    });
    expect(mssqlDatabaseMapping.map(bare)?.attributes).not.toHaveProperty(
      'transparent_data_encryption_enabled',
    );
    const disabled = withProperties('mssql-database.json', (p) => {
      p.transparentDataEncryption = { state: 'Disabled' };
    });
    expect(mssqlDatabaseMapping.map(disabled)?.attributes.transparent_data_encryption_enabled).toBe(false);
    const empty = withProperties('mssql-database.json', (p) => {
      p.transparentDataEncryption = {};
    });
    expect(mssqlDatabaseMapping.map(empty)?.attributes.transparent_data_encryption_enabled).toEqual({
      __unknown: true,
      reason: 'not-reported',
    });
  });

  it('reads an absent enablePurgeProtection as false, but only when the vault payload has properties', () => {
    const neverEnabled = withProperties('key-vault.json', (p) => {
      delete p.enablePurgeProtection;
    });
    expect(keyVaultMapping.map(neverEnabled)?.attributes.purge_protection_enabled).toBe(false);
    const listRow = fixture('key-vault.json');
    delete listRow.properties;
    expect(keyVaultMapping.map(listRow)?.attributes).toEqual({
      name: 'kv-acme-prod',
      location: 'westeurope',
      resource_group_name: 'rg-prod',
      tags: {},
    });
  });

  it('maps only the non-null fields of an attached site config', () => {
    const resource = withProperties('web-app-linux.json', (p) => {
      const config = p.siteConfig as Record<string, unknown>;
      config.ftpsState = null;
      config.http20Enabled = null;
    });
    expect(webAppMapping.map(resource)?.attributes.site_config).toEqual([
      { minimum_tls_version: '1.2', always_on: true },
    ]);
  });

  it('maps an ARM None minimum TLS version to the provider value Disabled', () => {
    const resource = withProperties('mssql-server.json', (p) => {
      p.minimalTlsVersion = 'None';
    });
    expect(mssqlServerMapping.map(resource)?.attributes.minimum_tls_version).toBe('Disabled');
  });

  it('leaves out a public network access value azurerm cannot hold as a boolean', () => {
    const resource = withProperties('storage-account.json', (p) => {
      p.publicNetworkAccess = 'SecuredByPerimeter';
    });
    expect(storageAccountMapping.map(resource)?.attributes).not.toHaveProperty(
      'public_network_access_enabled',
    );
  });

  it('falls back to the scope in the id when a custom role lists no assignable scopes', () => {
    const resource = withProperties('role-definition-custom.json', (p) => {
      delete p.assignableScopes;
    });
    const mapped = roleDefinitionMapping.map(resource);
    expect(mapped?.id).toBe(`${resource.id}|/subscriptions/${SUB}`);
    expect(mapped?.attributes).not.toHaveProperty('assignable_scopes');
  });
});

describe('ARM mappings: secrets', () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));

  it('has the planted secrets in the fixtures, so the check below means something', () => {
    const raw = files.map((file) => readFileSync(join(FIXTURES, file), 'utf8')).join('\n');
    for (const planted of PLANTED) expect(raw).toContain(planted);
  });

  it.each(files)('puts no secret-looking value of %s into the mapped output', (file) => {
    const resource = fixture(file);
    const mapping = mappingFor(resource.type);
    expect(mapping).toBeDefined();
    const output = JSON.stringify(mapping?.map(resource) ?? null);
    for (const planted of PLANTED) expect(output).not.toContain(planted);
    expect(output).not.toMatch(/connection_?string|app_settings|password/i);
  });
});

describe('ARM mapping registry', () => {
  it('finds a mapping by ARM type case-insensitively', () => {
    expect(mappingFor('microsoft.storage/storageaccounts')).toBe(storageAccountMapping);
    expect(mappingFor('MICROSOFT.WEB/SITES')).toBe(webAppMapping);
    expect(mappingFor('Microsoft.Compute/virtualMachines/extensions')).toBeUndefined();
  });

  it('finds the resource group mapping by the type Resource Graph rows carry, and maps a ResourceContainers row', () => {
    expect(mappingFor('microsoft.resources/subscriptions/resourcegroups')).toBe(resourceGroupMapping);
    expect(graphTypeOf(resourceGroupMapping)).toBe('microsoft.resources/subscriptions/resourcegroups');
    expect(graphTypeOf(storageAccountMapping)).toBe('microsoft.storage/storageaccounts');
    // The row shape of learn.microsoft.com "Resource Graph table and resource type reference", ResourceContainers.
    const row = {
      id: `${RG}`,
      name: 'rg-prod',
      type: 'microsoft.resources/subscriptions/resourcegroups',
      location: 'westeurope',
      tags: { env: 'prod' },
      subscriptionId: SUB,
      resourceGroup: 'rg-prod',
      properties: { provisioningState: 'Succeeded' },
    };
    expect(mappingFor(row.type)?.map(row)).toEqual({
      id: RG,
      terraformType: 'azurerm_resource_group',
      attributes: { name: 'rg-prod', location: 'westeurope', tags: { env: 'prod' } },
    });
  });

  it('indexes every terraform type to its ARM type: the modules, then one mapping per table row', () => {
    const modules = ARM_MAPPINGS.filter((m) => !m.envelopeOnly);
    expect(modules.flatMap((m) => m.terraformTypes).sort()).toEqual(
      // Terraform-only types (azurerm_app_service, azurerm_function_app) have no ARM type.
      RESOURCE_TYPES.filter((t) => t.provider === 'azurerm' && !t.table && t.sources.arm)
        .map((t) => t.type)
        .sort(),
    );
    expect(ARM_MAPPINGS.filter((m) => m.envelopeOnly).map((m) => [m.armType, m.terraformTypes])).toEqual(
      ARM_TABLE.map((row) => [row.armType, [row.type]]),
    );
    const moduleTypes = new Set(modules.flatMap((m) => m.terraformTypes));
    // A sample of the modules' ARM types, written out: the index gives each the ARM type it is read from.
    expect(
      Object.fromEntries([...ARM_TYPE_BY_TERRAFORM_TYPE].filter(([type]) => moduleTypes.has(type))),
    ).toMatchObject({
      azurerm_subnet: 'Microsoft.Network/virtualNetworks/subnets',
      azurerm_network_security_rule: 'Microsoft.Network/networkSecurityGroups/securityRules',
      azurerm_resource_group: 'Microsoft.Resources/resourceGroups',
      azurerm_storage_account: 'Microsoft.Storage/storageAccounts',
      azurerm_virtual_network: 'Microsoft.Network/virtualNetworks',
      azurerm_managed_disk: 'Microsoft.Compute/disks',
      azurerm_key_vault: 'Microsoft.KeyVault/vaults',
      azurerm_mssql_server: 'Microsoft.Sql/servers',
      azurerm_mssql_database: 'Microsoft.Sql/servers/databases',
      azurerm_role_definition: 'Microsoft.Authorization/roleDefinitions',
      azurerm_role_assignment: 'Microsoft.Authorization/roleAssignments',
      azurerm_network_security_group: 'Microsoft.Network/networkSecurityGroups',
      azurerm_linux_web_app: 'Microsoft.Web/sites',
      azurerm_windows_web_app: 'Microsoft.Web/sites',
      azurerm_linux_function_app: 'Microsoft.Web/sites',
      azurerm_windows_function_app: 'Microsoft.Web/sites',
      azurerm_linux_virtual_machine: 'Microsoft.Compute/virtualMachines',
      azurerm_windows_virtual_machine: 'Microsoft.Compute/virtualMachines',
      azurerm_public_ip: 'Microsoft.Network/publicIPAddresses',
      azurerm_container_registry: 'Microsoft.ContainerRegistry/registries',
      azurerm_kubernetes_cluster: 'Microsoft.ContainerService/managedClusters',
      azurerm_servicebus_namespace: 'Microsoft.ServiceBus/namespaces',
      azurerm_eventhub_namespace: 'Microsoft.EventHub/namespaces',
      azurerm_postgresql_flexible_server: 'Microsoft.DBforPostgreSQL/flexibleServers',
      azurerm_mysql_flexible_server: 'Microsoft.DBforMySQL/flexibleServers',
      azurerm_cosmosdb_account: 'Microsoft.DocumentDB/databaseAccounts',
      azurerm_redis_cache: 'Microsoft.Cache/redis',
      azurerm_log_analytics_workspace: 'Microsoft.OperationalInsights/workspaces',
      azurerm_user_assigned_identity: 'Microsoft.ManagedIdentity/userAssignedIdentities',
      azurerm_application_insights: 'Microsoft.Insights/components',
    });
  });
});

describe('ARM ids', () => {
  const db = `${RG}/providers/Microsoft.Sql/servers/sql-acme-prod/databases/orders`;

  const subscriptionOf = (id: string) => idSegmentAfter(id, 'subscriptions');
  const resourceGroupOf = (id: string) => idSegmentAfter(id, 'resourcegroups');

  it('reads the subscription and resource group case-insensitively', () => {
    expect(subscriptionOf(db)).toBe(SUB);
    expect(resourceGroupOf(db)).toBe('rg-prod');
    expect(resourceGroupOf(`/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-Prod/providers/X.Y/z/n`)).toBe('RG-Prod');
    expect(subscriptionOf('/providers/Microsoft.Management/managementGroups/mg')).toBeUndefined();
    expect(resourceGroupOf(`/subscriptions/${SUB}`)).toBeUndefined();
  });

  it('walks up to the parent resource, then the scope', () => {
    expect(parentIdOf(db)).toBe(`${RG}/providers/Microsoft.Sql/servers/sql-acme-prod`);
    expect(parentIdOf(`${RG}/providers/Microsoft.Sql/servers/sql-acme-prod`)).toBe(RG);
    expect(parentIdOf(`${db}/`)).toBe(`${RG}/providers/Microsoft.Sql/servers/sql-acme-prod`);
    expect(parentIdOf(RG)).toBe(`/subscriptions/${SUB}`);
    expect(parentIdOf(`/subscriptions/${SUB}`)).toBeUndefined();
    expect(parentIdOf(`/subscriptions/${SUB}/PROVIDERS/Microsoft.Authorization/roleDefinitions/g`)).toBe(
      `/subscriptions/${SUB}`,
    );
    expect(
      parentIdOf(
        `${RG}/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Authorization/roleAssignments/g`,
      ),
    ).toBe(`${RG}/providers/Microsoft.Storage/storageAccounts/sa`);
    expect(parentIdOf('/providers/Microsoft.Authorization/roleDefinitions/g')).toBeUndefined();
  });

  it('gives resource-group ids the casing the provider writes', () => {
    expect(canonicalResourceGroupCasing(`/subscriptions/${SUB}/resourcegroups/rg-prod`)).toBe(RG);
    expect(canonicalResourceGroupCasing(RG)).toBe(RG);
  });
});
