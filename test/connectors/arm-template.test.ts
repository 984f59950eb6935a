import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateScope, evaluateValue } from '../../connectors/iac/arm-expressions.js';
import { parseArmTemplate } from '../../connectors/iac/arm-template.js';
import type { ParsedFile } from '../../connectors/iac/types.js';
import type { Value } from '../../src/model/value.js';

const ROOT = join(import.meta.dirname, '../..');
const UNKNOWN = { __unknown: true, reason: 'expression' };
const SUB = '00000000-0000-0000-0000-000000000000';

function parseFixture(name: string): ParsedFile {
  const file = `fixtures/iac/arm/${name}`;
  return parseArmTemplate(readFileSync(join(ROOT, file), 'utf8'), file);
}

/** A template around `resources`, with optional parameters and variables. */
function template(resources: unknown, extra: Record<string, unknown> = {}): string {
  const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
  return JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
}

/** One expression evaluated against the given parameters and variables. */
function evaluate(expression: Value, parameters: Value = {}, variables: Value = {}): Value {
  return evaluateValue(expression, createTemplateScope(parameters, variables));
}

describe('parseArmTemplate: storage.json (parameters, variables, copy loop, waiver)', () => {
  const parsed = parseFixture('storage.json');
  const file = 'fixtures/iac/arm/storage.json';
  const logTags = { env: 'prod', owner: 'PLATFORM', costCenter: UNKNOWN, note: '[not an expression]' };
  const logAccount = (index: number) => ({
    type: 'azurerm_storage_account',
    address: `Microsoft.Storage/storageAccounts/acmeprodlogs${index + 1}[${index}]`,
    attributes: {
      name: `acmeprodlogs${index + 1}`,
      location: 'westeurope',
      tags: logTags,
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      infrastructure_encryption_enabled: true,
    },
    file,
    line: 24,
    endLine: 40,
  });

  it('maps every storage account to its exact canonical form', () => {
    expect(parsed.resources).toEqual([
      logAccount(0),
      logAccount(1),
      logAccount(2),
      {
        type: 'azurerm_storage_account',
        address: 'Microsoft.Storage/storageAccounts/acmelegacy',
        attributes: {
          name: 'acmelegacy',
          location: UNKNOWN,
          account_kind: 'StorageV2',
          account_tier: 'Standard',
          account_replication_type: 'LRS',
          https_traffic_only_enabled: false,
          min_tls_version: 'TLS1_0',
          allow_nested_items_to_be_public: false, // ARM's default from api-version 2023-01-01
          infrastructure_encryption_enabled: false,
          shared_access_key_enabled: true,
        },
        file,
        line: 42,
        endLine: 55,
        waivers: [
          {
            rule: 'DW-AZ-STORAGE-001',
            reason: 'the legacy uploader speaks plain HTTP until it is replaced',
            source: `${file}:41`,
          },
        ],
      },
      {
        type: 'azurerm_storage_account',
        address: "Microsoft.Storage/storageAccounts/[concat('st', uniqueString(resourceGroup().id))]",
        attributes: {
          name: UNKNOWN,
          location: UNKNOWN,
          https_traffic_only_enabled: true,
          min_tls_version: 'TLS1_0', // ARM's default: no minimum
          allow_nested_items_to_be_public: false,
          infrastructure_encryption_enabled: false,
        },
        file,
        line: 56,
        endLine: 62,
      },
      {
        type: 'azurerm_virtual_network',
        address: 'Microsoft.Network/virtualNetworks/vnet-acme',
        attributes: { name: 'vnet-acme', location: 'westeurope', address_space: ['10.0.0.0/16'] },
        file,
        line: 71,
        endLine: 77,
      },
      {
        type: 'azurerm_public_ip',
        address: 'Microsoft.Network/publicIPAddresses/pip-acme',
        attributes: { name: 'pip-acme', location: 'westeurope', allocation_method: 'Static' },
        file,
        line: 78,
        endLine: 84,
      },
    ]);
  });

  it('points each resource at the line of its opening brace', () => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    for (const resource of parsed.resources) {
      expect(lines[resource.line - 1]?.trim()).toBe('{');
      expect(lines[(resource.endLine ?? 0) - 1]?.trim()).toMatch(/^},?$/);
    }
  });

  it('skips a resource whose condition is statically false; every type of the template is mapped', () => {
    expect(parsed.resources.map((r) => r.address)).not.toContain(
      'Microsoft.Storage/storageAccounts/acmedevonly',
    );
    // The public IP, once the unmapped type here, is mapped since azurerm_public_ip has a module.
    expect(parsed.diagnostics).toEqual([]);
  });
});

describe('parseArmTemplate: platform.json (IAM, key vault, web app, SQL, NSG, disk)', () => {
  const parsed = parseFixture('platform.json');
  const file = 'fixtures/iac/arm/platform.json';
  const byType = (type: string) => parsed.resources.filter((r) => r.type === type);

  it('maps a custom role definition allowing every action', () => {
    expect(byType('azurerm_role_definition')).toEqual([
      {
        type: 'azurerm_role_definition',
        address: "Microsoft.Authorization/roleDefinitions/[guid(subscription().id, 'acme-operator')]",
        attributes: {
          name: 'Acme Operator',
          description: 'Operates everything',
          // The first assignable scope, and the GUID name: both built by expressions.
          scope: UNKNOWN,
          role_definition_id: UNKNOWN,
          permissions: [
            {
              actions: ['*'],
              not_actions: ['Microsoft.Authorization/*/Delete'],
              data_actions: [],
              not_data_actions: [],
            },
          ],
          assignable_scopes: [UNKNOWN, `/subscriptions/${SUB}`],
        },
        file,
        line: 15,
        endLine: 26,
      },
    ]);
  });

  it('maps a role assignment whose definition id and scope are built with format and concat', () => {
    expect(byType('azurerm_role_assignment')[0]?.attributes).toEqual({
      name: UNKNOWN,
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
      principal_id: '11111111-1111-1111-1111-111111111111',
      principal_type: 'Group',
      scope: `/subscriptions/${SUB}`,
    });
  });

  it('maps a key vault without purge protection, with the waiver comment inside its block', () => {
    expect(byType('azurerm_key_vault')).toEqual([
      {
        type: 'azurerm_key_vault',
        address: 'Microsoft.KeyVault/vaults/kv-acme-prod',
        attributes: {
          name: 'kv-acme-prod',
          location: 'westeurope',
          tenant_id: UNKNOWN,
          sku_name: 'standard',
          purge_protection_enabled: false,
          soft_delete_retention_days: 7,
        },
        file,
        line: 38,
        endLine: 49,
        waivers: [
          { rule: 'DW-AZ-KEYVAULT-001', reason: 'dev vault, recreated every night', source: `${file}:43` },
        ],
      },
    ]);
  });

  it('maps a Linux web app with httpsOnly false and its site config', () => {
    expect(byType('azurerm_linux_web_app')).toEqual([
      {
        type: 'azurerm_linux_web_app',
        address: 'Microsoft.Web/sites/app-acme-prod',
        attributes: {
          name: 'app-acme-prod',
          location: 'westeurope',
          https_only: false,
          site_config: [{ minimum_tls_version: '1.0', ftps_state: 'AllAllowed' }],
          client_certificate_enabled: false,
        },
        file,
        line: 50,
        endLine: 60,
      },
    ]);
  });

  it('maps the SQL server without its password, and folds transparent data encryption into nested databases', () => {
    expect(byType('azurerm_mssql_server').map((r) => r.attributes)).toEqual([
      {
        name: 'sql-acme',
        location: 'westeurope',
        version: '12.0',
        administrator_login: 'sqladmin',
        minimum_tls_version: '1.2',
      },
    ]);
    expect(byType('azurerm_mssql_database')).toEqual([
      {
        type: 'azurerm_mssql_database',
        address: 'Microsoft.Sql/servers/databases/sql-acme/orders',
        attributes: { name: 'orders', transparent_data_encryption_enabled: false },
        file,
        line: 73,
        endLine: 87,
      },
      {
        type: 'azurerm_mssql_database',
        address: 'Microsoft.Sql/servers/databases/sql-acme/billing',
        attributes: { name: 'billing', transparent_data_encryption_enabled: true, tags: { team: 'billing' } },
        file,
        line: 90,
        endLine: 96,
      },
    ]);
    expect(JSON.stringify(parsed)).not.toContain('PLANTED');
  });

  it('expands a property copy loop into security rules, and maps a managed disk', () => {
    const rule = (port: string, priority: number) => ({
      name: `allow-${port}`,
      protocol: 'Tcp',
      priority,
      direction: 'Inbound',
      access: 'Allow',
      source_port_range: '*',
      destination_port_range: port,
      source_address_prefix: '*',
      destination_address_prefix: '*',
    });
    expect(byType('azurerm_network_security_group')[0]?.attributes).toEqual({
      name: 'nsg-acme',
      location: 'westeurope',
      security_rule: [rule('443', 100), rule('8443', 101)],
    });
    // Each rule is also a resource of its own, as ARM deploys it and the live connector reads it; a rule made by
    // a property copy loop has no lines of its own, and points at its group.
    expect(
      byType('azurerm_network_security_rule').map(({ address, attributes, line }) => ({
        address,
        attributes,
        line,
      })),
    ).toEqual([
      {
        address: 'Microsoft.Network/networkSecurityGroups/securityRules/nsg-acme/allow-443',
        attributes: rule('443', 100),
        line: 97,
      },
      {
        address: 'Microsoft.Network/networkSecurityGroups/securityRules/nsg-acme/allow-8443',
        attributes: rule('8443', 101),
        line: 97,
      },
    ]);
    expect(byType('azurerm_managed_disk')[0]?.attributes).toEqual({
      name: 'disk-acme-data',
      location: 'westeurope',
      storage_account_type: 'Premium_LRS',
      disk_size_gb: 128,
      disk_encryption_set_id: UNKNOWN,
    });
  });

  it('skips a nested deployment with one info diagnostic', () => {
    expect(parsed.resources).toHaveLength(11);
    expect(parsed.diagnostics).toEqual([
      {
        level: 'info',
        code: 'iac.arm-unmapped',
        message: '1 resource of types driftwarden does not map skipped: Microsoft.Resources/deployments (1)',
        source: file,
      },
    ]);
  });
});

describe('parseArmTemplate: copy loops, names and kinds', () => {
  const account = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' };

  it('a copy loop whose count is not static has unknown copies (perhaps none): none is judged, named in an info', () => {
    const text = template([
      {
        ...account,
        name: "[concat('st', copyIndex())]",
        copy: { name: 'loop', count: "[length(variables('x'))]" },
        properties: { minimumTlsVersion: 'TLS1_0' },
      },
    ]);
    const parsed = parseArmTemplate(text, 'loop.json');
    expect(parsed.resources).toEqual([]);
    expect(parsed.diagnostics).toEqual([
      {
        level: 'info',
        code: 'iac.unknown-instances',
        message:
          "the copy count of Microsoft.Storage/storageAccounts needs the deployment's parameters, so how many copies it has (perhaps none) is unknown; they are not checked",
        source: 'loop.json:5',
      },
    ]);
  });

  it('expands a copy count of zero into nothing', () => {
    const text = template([{ ...account, name: 'st', copy: { name: 'loop', count: 0 } }]);
    expect(parseArmTemplate(text, 't.json')).toEqual({ resources: [], diagnostics: [] });
  });

  it('folds a top-level transparentDataEncryption child into its database, and counts one without a database', () => {
    const tde = {
      type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
      apiVersion: '2023-08-01',
    };
    const text = template([
      { ...tde, name: 'sql/db/current', properties: { state: 'Disabled' } },
      { type: 'Microsoft.Sql/servers/databases', apiVersion: '2023-08-01', name: 'sql/db' },
      { type: 'Microsoft.Sql/servers/databases', apiVersion: '2023-08-01', name: 'sql/master' },
      { ...tde, name: 'sql/other/current', properties: { state: 'Enabled' } },
    ]);
    const parsed = parseArmTemplate(text, 't.json');
    expect(parsed.resources.map((r) => [r.address, r.attributes])).toEqual([
      ['Microsoft.Sql/servers/databases/sql/db', { name: 'db', transparent_data_encryption_enabled: false }],
    ]);
    expect(parsed.diagnostics[0]?.message).toBe(
      '2 resources of types driftwarden does not map skipped: Microsoft.Sql/servers/databases (1), Microsoft.Sql/servers/databases/transparentDataEncryption (1)',
    );
  });

  it('reads a transparentDataEncryption child whose state is not static as unknown, not as the default', () => {
    const text = template([
      { type: 'Microsoft.Sql/servers/databases', apiVersion: '2023-08-01', name: 'sql/db' },
      {
        type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
        apiVersion: '2023-08-01',
        name: 'sql/db/current',
        properties: { state: "[parameters('tde')]" },
      },
    ]);
    expect(parseArmTemplate(text, 't.json').resources.map((r) => r.attributes)).toEqual([
      { name: 'db', transparent_data_encryption_enabled: UNKNOWN },
    ]);
  });

  it("folds a site's config/web child over its siteConfig, as the live connector attaches /config/web", () => {
    const site = { type: 'Microsoft.Web/sites', apiVersion: '2023-12-01', kind: 'app,linux' };
    const text = template([
      {
        ...site,
        name: 'app',
        properties: { httpsOnly: true, siteConfig: { minTlsVersion: '1.0', alwaysOn: true } },
        resources: [
          { type: 'config', apiVersion: '2023-12-01', name: 'web', properties: { minTlsVersion: '1.2' } },
          { type: 'config', apiVersion: '2023-12-01', name: 'appsettings', properties: { A: 'b' } },
        ],
      },
      {
        type: 'Microsoft.Web/sites/config',
        apiVersion: '2023-12-01',
        name: 'other/web',
        properties: { MinTlsVersion: '1.2' },
      },
      { ...site, name: 'other', properties: { siteConfig: { minTlsVersion: '1.0' } } },
    ]);
    const parsed = parseArmTemplate(text, 't.json');
    expect(parsed.resources.map((r) => [r.address, r.attributes.site_config])).toEqual([
      ['Microsoft.Web/sites/app', [{ minimum_tls_version: '1.2', always_on: true }]],
      ['Microsoft.Web/sites/other', [{ minimum_tls_version: '1.2' }]],
    ]);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      '1 resource of types driftwarden does not map skipped: Microsoft.Web/sites/config (1)',
    ]);
  });

  it('picks the web app type by kind, defaulting to a Windows web app', () => {
    const site = { type: 'Microsoft.Web/sites', apiVersion: '2023-12-01' };
    const text = template([
      { ...site, name: 'a' },
      { ...site, name: 'b', kind: 'functionapp,linux', properties: { httpsOnly: true } },
      { ...site, name: 'c', kind: 'workflowapp' },
    ]);
    expect(parseArmTemplate(text, 't.json').resources.map((r) => [r.type, r.attributes])).toEqual([
      ['azurerm_windows_web_app', { name: 'a', https_only: false, client_certificate_enabled: false }],
      ['azurerm_linux_function_app', { name: 'b', https_only: true, client_certificate_enabled: false }],
    ]);
  });

  it('reads languageVersion 2.0 symbolic resources, skipping existing ones', () => {
    const text = template({
      vault: {
        type: 'Microsoft.KeyVault/vaults',
        apiVersion: '2023-07-01',
        name: 'kv',
        properties: { enablePurgeProtection: true },
      },
      old: { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv-old', existing: true },
    });
    expect(parseArmTemplate(text, 't.json').resources.map((r) => r.attributes)).toEqual([
      { name: 'kv', purge_protection_enabled: true, soft_delete_retention_days: 90 },
    ]);
  });

  it('leaves a role assignment scope that is relative to the resource group unknown', () => {
    const text = template([
      {
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: '2022-04-01',
        name: 'a',
        scope: 'Microsoft.Storage/storageAccounts/st',
        properties: { roleDefinitionId: 'x', principalId: 'p' },
      },
    ]);
    expect(parseArmTemplate(text, 't.json').resources[0]?.attributes.scope).toEqual(UNKNOWN);
  });
});

describe('parseArmTemplate: comments, other JSON and bad input', () => {
  it('strips // and block comments outside strings only', () => {
    const text = [
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", // schema',
      '  /* a block',
      '     comment */ "resources": [',
      '    // driftwarden:ignore DW-AZ-STORAGE-002, DW-AZ-STORAGE-003 vendor appliance',
      '    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st//x/*y*/",',
      '      "properties": { "minimumTlsVersion": "TLS1_1" } }',
      '  ]',
      '}',
    ].join('\n');
    const [resource] = parseArmTemplate(text, 'c.json').resources;
    expect(resource?.address).toBe('Microsoft.Storage/storageAccounts/st//x/*y*/');
    expect([resource?.line, resource?.endLine, resource?.attributes.min_tls_version]).toEqual([
      6,
      7,
      'TLS1_1',
    ]);
    expect(resource?.waivers).toEqual([
      { rule: 'DW-AZ-STORAGE-002', reason: 'vendor appliance', source: 'c.json:5' },
      { rule: 'DW-AZ-STORAGE-003', reason: 'vendor appliance', source: 'c.json:5' },
    ]);
  });

  it('returns nothing, and no error, for JSON that is not a deployment template', () => {
    expect(parseFixture('not-arm.json')).toEqual({ resources: [], diagnostics: [] });
    for (const text of ['[]', 'null', '{"resources": [{"type": "x"}]}', '{"name": "driftwarden"}']) {
      expect(parseArmTemplate(text, 'other.json')).toEqual({ resources: [], diagnostics: [] });
    }
  });

  it('reports malformed JSON as one error naming the file and line, without quoting it', () => {
    const parsed = parseFixture('malformed.json');
    expect(parsed).toEqual({
      resources: [],
      diagnostics: [
        {
          level: 'error',
          code: 'iac.parse',
          message: "malformed JSON at column 5: expected ',' or '}'",
          source: 'fixtures/iac/arm/malformed.json:5',
        },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain('PLANTED');
  });

  it('never throws on hostile or truncated input', () => {
    const inputs = [
      '',
      '{',
      '{"a": "unterminated',
      '/* open',
      '{"a": 01}',
      '[1,]',
      '['.repeat(100_000),
      '{"a": "\\x"}',
    ];
    for (const text of inputs) {
      const parsed = parseArmTemplate(text, 'bad.json');
      expect(parsed.resources).toEqual([]);
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({
        level: 'error',
        code: 'iac.parse',
        source: 'bad.json:1',
      });
    }
  });
});

describe('ARM expressions', () => {
  const parameters = {
    prefix: { type: 'string', defaultValue: 'Acme' },
    count: { type: 'int', defaultValue: 2 },
    settings: { type: 'object', defaultValue: { tier: 'Gold', zones: ['1', '2'] } },
    noDefault: { type: 'string' },
  };

  it('evaluates the static functions', () => {
    const cases: [string, Value][] = [
      ["[concat(parameters('prefix'), '-', 'logs')]", 'Acme-logs'],
      ["[concat(createArray('a'), parameters('settings').zones)]", ['a', '1', '2']],
      ["[concat(parameters('settings').zones, parameters('settings')['zones'])]", ['1', '2', '1', '2']],
      [
        "[format('{0}-{1}-{{literal}}', toLower(parameters('prefix')), parameters('count'))]",
        'acme-2-{literal}',
      ],
      ["[format('{0:D3}', 1)]", UNKNOWN],
      ["[toUpper(parameters('PREFIX'))]", 'ACME'],
      ["[if(equals(parameters('count'), 2), 'two', 'other')]", 'two'],
      ["[if(not(true()), 'a', 'b')]", 'b'],
      ['[and(true(), or(false(), true()))]', true],
      ["[and(false(), reference('x').enabled)]", false],
      ["[or(reference('x').enabled, false())]", UNKNOWN],
      ["[equals(parameters('settings'), parameters('settings'))]", true],
      ["[parameters('settings').TIER]", 'Gold'],
      ["[CONCAT('it''s', ' ok')]", "it's ok"],
      ['[[literal]', '[literal]'],
      ['not [an expression]', 'not [an expression]'],
      ['[-1]', -1],
    ];
    for (const [expression, expected] of cases)
      expect(evaluate(expression, parameters), expression).toEqual(expected);
  });

  it('makes deployment-time and unsupported functions unknown', () => {
    const cases = [
      '[resourceGroup().location]',
      '[subscription().subscriptionId]',
      "[resourceId('Microsoft.Storage/storageAccounts', 'st')]",
      "[reference('st').primaryEndpoints]",
      '[uniqueString(resourceGroup().id)]',
      "[parameters('noDefault')]",
      "[parameters('missing')]",
      "[concat('st', uniqueString('x'))]",
      "[toLower(parameters('count'))]",
      '[copyIndex()]',
      "[concat('unterminated]",
      '[concat(]',
      "[parameters('settings').missing]",
      `[${'not('.repeat(100)}true()${')'.repeat(100)}]`,
    ];
    for (const expression of cases) expect(evaluate(expression, parameters), expression).toEqual(UNKNOWN);
  });

  it('resolves variables lazily, through other variables, and stops at cycles', () => {
    const variables = {
      base: "[toLower(parameters('prefix'))]",
      name: "[concat(variables('base'), 'st')]",
      loopA: "[variables('loopB')]",
      loopB: "[variables('loopA')]",
      copy: [
        { name: 'disks', count: "[parameters('count')]", input: "[concat('disk', copyIndex('disks', 1))]" },
      ],
    };
    expect(evaluate("[variables('name')]", parameters, variables)).toBe('acmest');
    expect(evaluate("[variables('loopA')]", parameters, variables)).toEqual(UNKNOWN);
    expect(evaluate("[variables('disks')]", parameters, variables)).toEqual(['disk1', 'disk2']);
  });

  it('evaluates expressions inside arrays and objects', () => {
    expect(evaluate({ a: ["[parameters('prefix')]", 1, null], b: { c: '[true()]' } }, parameters)).toEqual({
      a: ['Acme', 1, null],
      b: { c: true },
    });
  });
});

describe('secure parameters', () => {
  it('never reads the default of a securestring or secureObject parameter, even where it flows into a mapped attribute', () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: {
        token: { type: 'securestring', defaultValue: 'PLANTED-token-1234' },
        blob: { type: 'secureObject', defaultValue: { key: 'PLANTED-object-5678' } },
        plain: { type: 'string', defaultValue: 'visible' },
      },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'acmetokens',
          location: 'westeurope',
          tags: {
            token: "[parameters('token')]",
            blob: "[parameters('blob').key]",
            plain: "[parameters('plain')]",
          },
          properties: {},
        },
      ],
    };
    const parsed = parseArmTemplate(JSON.stringify(template, null, 2), 'secure.json');
    expect(JSON.stringify(parsed)).not.toContain('PLANTED');
    expect(parsed.resources[0]?.attributes.tags).toEqual({
      token: { __unknown: true, reason: 'expression' },
      blob: { __unknown: true, reason: 'expression' },
      plain: 'visible',
    });
  });
});

describe('limits: copies, sizes and nesting', () => {
  const account = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' };
  const role = {
    type: 'Microsoft.Authorization/roleDefinitions',
    apiVersion: '2022-04-01',
    name: 'admin',
    properties: { roleName: 'admin', permissions: [{ actions: ['*'] }], assignableScopes: ['/'] },
  };
  /** The warnings, as the report's problems list them: `file:line: message`. */
  const warnings = (parsed: ParsedFile) =>
    parsed.diagnostics
      .filter((d) => d.level !== 'info')
      .map((d) => ({ message: `${d.source}: ${d.message}` }));

  it('a copy count past ARM limit, from a parameter default, is one resource and a warning; the others are read', () => {
    const text = template(
      [
        {
          ...account,
          name: "[concat('st', copyIndex())]",
          copy: { name: 'many', count: "[parameters('n')]" },
        },
        role,
      ],
      { parameters: { n: { type: 'int', defaultValue: 1_000_000_000 } } },
    );
    const parsed = parseArmTemplate(text, 't.json');
    expect(parsed.resources.map((r) => r.address)).toEqual([
      "Microsoft.Storage/storageAccounts/[concat('st', copyIndex())][*]",
      'Microsoft.Authorization/roleDefinitions/admin',
    ]);
    expect(warnings(parsed).map((d) => d.message)).toEqual([
      "t.json:11: the copy count of Microsoft.Storage/storageAccounts is 1,000,000,000, more than 800 (ARM's limit); read as one resource whose per-copy values are unknown",
    ]);
  });

  it('nested copies multiply: past 10,000 instances the child is read once per parent copy', () => {
    const child = {
      type: 'blobServices',
      apiVersion: '2023-05-01',
      name: "[concat('b', copyIndex('inner'))]",
    };
    const text = template([
      {
        ...account,
        name: "[concat('st', copyIndex())]",
        copy: { name: 'outer', count: 800 },
        resources: [{ ...child, copy: { name: 'inner', count: 800 } }],
      },
    ]);
    const parsed = parseArmTemplate(text, 't.json');
    expect(parsed.resources).toHaveLength(800);
    expect(warnings(parsed).map((d) => d.message)).toEqual([
      "t.json:14: the copy count of Microsoft.Storage/storageAccounts/blobServices is 800, which with its parents' copies makes 640,000, more than 10,000; read as one resource whose per-copy values are unknown",
    ]);
  });

  it('nested property copy loops and self-doubling variables stop at the value size limit, reported', () => {
    const loop = (name: string, input: unknown) => ({ copy: [{ name, count: 800, input }] });
    const text = template(
      [
        { ...account, name: 'st', tags: loop('a', loop('b', loop('c', 'x'))) },
        { ...account, name: 'st2', kind: "[string(variables('v30'))]", tags: { big: "[variables('v30')]" } },
        role,
      ],
      {
        variables: Object.fromEntries([
          ['v0', ['x']],
          ...Array.from({ length: 30 }, (_, i) => [
            `v${i + 1}`,
            `[concat(variables('v${i}'), variables('v${i}'))]`,
          ]),
        ]),
      },
    );
    const parsed = parseArmTemplate(text, 't.json');
    expect(parsed.resources.map((r) => [r.address, r.attributes.tags])).toEqual([
      ['Microsoft.Storage/storageAccounts/st', UNKNOWN],
      ['Microsoft.Storage/storageAccounts/st2', UNKNOWN],
      ['Microsoft.Authorization/roleDefinitions/admin', undefined],
    ]);
    expect(warnings(parsed).map((d) => d.message)).toEqual([
      't.json:40: tags of Microsoft.Storage/storageAccounts: an object expands past 4,000,000 bytes as JSON; read as unknown',
      't.json:70: tags of Microsoft.Storage/storageAccounts: concat() expands past 4,000,000 bytes as JSON; read as unknown',
    ]);
  });

  it('variables referring to each other thousands deep, and JSON nested thousands deep, are named, not a crash', () => {
    const variables = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`v${i}`, i === 4999 ? 'end' : `[variables('v${i + 1}')]`]),
    );
    const chain = parseArmTemplate(
      template([{ ...account, name: "[variables('v0')]" }, role], { variables }),
      't.json',
    );
    expect(chain.resources.map((r) => r.address)).toEqual(['Microsoft.Authorization/roleDefinitions/admin']);
    expect(warnings(chain).map((d) => d.message)).toEqual([
      't.json:5007: Microsoft.Storage/storageAccounts: nested deeper than 100 levels (values, expressions and the variables they read); not read',
    ]);
    const deep = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n"resources": [${'['.repeat(50_000)}${']'.repeat(50_000)}]}`;
    expect(parseArmTemplate(deep, 'deep.json').diagnostics).toEqual([
      {
        level: 'error',
        code: 'iac.parse',
        message: 'malformed JSON at column 113: nested deeper than 100 levels',
        source: 'deep.json:2',
      },
    ]);
  });
});

describe('hostile keys and strings', () => {
  const account = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' };

  it('__proto__ and constructor are names, tags, parameters and variables like any other', () => {
    const text = template(
      [
        {
          ...account,
          name: '__proto__',
          tags: { constructor: "[parameters('constructor')]", x: "[variables('toString')]" },
        },
      ],
      {
        parameters: { constructor: { type: 'string', defaultValue: 'c' } },
      },
    ).replace('"tags": {', '"tags": {"__proto__": "p",');
    const [resource] = parseArmTemplate(text, 't.json').resources;
    expect(resource?.address).toBe('Microsoft.Storage/storageAccounts/__proto__');
    const tags = resource?.attributes.tags as Record<string, unknown>;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.entries(tags)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['x', UNKNOWN],
    ]);
  });

  it('lone surrogates become U+FFFD', () => {
    const text = template([{ ...account, name: 'st\\ud800' }]).replace('st\\\\ud800', 'st\\ud800');
    expect(parseArmTemplate(text, 't.json').resources[0]?.attributes.name).toBe('st\uFFFD');
  });
});
