import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

/**
 * Policy assignments, which Resources - List does not return, read from the authorization API as role assignments
 * are (and from Resource Graph's PolicyResources table), each typed by its scope as azurerm types it: the
 * subscription's, a resource group's, a resource's and one inherited from a management group. Payload shapes as
 * in fixtures/types/azurerm/*-policy-assignment.json (azure-rest-api-specs resources 2022-06-01
 * getPolicyAssignmentWithIdentity.json).
 */
const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const MG = '/providers/Microsoft.Management/managementGroups/mg-platform';
const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/stacmeprod`;
const PA = 'providers/Microsoft.Authorization/policyAssignments';
const ALLOWED_LOCATIONS =
  '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c';
const REQUIRE_TAG =
  '/providers/Microsoft.Authorization/policyDefinitions/871b6d14-10aa-478d-b590-94f262ecfa99';
const BENCHMARK =
  '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
const POLICY_TYPES = [
  'azurerm_management_group_policy_assignment',
  'azurerm_resource_group_policy_assignment',
  'azurerm_resource_policy_assignment',
  'azurerm_subscription_policy_assignment',
];

function assignment(scope: string, name: string, properties: Record<string, unknown>, extra = {}) {
  return {
    id: `${scope}/${PA}/${name}`,
    name,
    type: 'Microsoft.Authorization/policyAssignments',
    ...extra,
    properties: {
      metadata: { createdBy: '8f2e0b5a-0000-4000-8000-000000000051', createdOn: '2024-06-03T09:21:40Z' },
      notScopes: [],
      enforcementMode: 'Default',
      scope,
      ...properties,
    },
  };
}

const LIVE = [
  assignment(`/subscriptions/${SUB}`, 'allowed-locations', {
    displayName: 'Allowed locations',
    policyDefinitionId: ALLOWED_LOCATIONS,
    parameters: { listOfAllowedLocations: { value: ['westeurope', 'northeurope'] } },
  }),
  // Someone switched it to audit-only in the portal.
  assignment(RG, 'require-cost-center-tag', {
    displayName: 'Require a cost-center tag',
    policyDefinitionId: REQUIRE_TAG,
    parameters: { tagName: { value: 'cost-center' } },
    enforcementMode: 'DoNotEnforce',
  }),
  // Made by hand on one storage account: unmanaged.
  assignment(SA, 'deny-public-blob', {
    displayName: 'Deny public blob access',
    policyDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyDefinitions/storage-deny-public`,
  }),
  // Inherited from the management group the subscription sits in; the list returns it too.
  assignment(
    MG,
    'mcsb-platform',
    {
      displayName: 'Microsoft cloud security benchmark',
      policyDefinitionId: BENCHMARK,
      parameters: { 'effect-storage': { value: 'Audit' }, 'effect-keyvault': { value: 'AuditIfNotExists' } },
    },
    {
      location: 'westeurope',
      identity: {
        type: 'SystemAssigned',
        principalId: '1d2c3b4a-0000-4000-8000-000000000061',
        tenantId: '72f988bf-0000-4000-8000-000000000001',
      },
    },
  ),
];

/** azurerm 4.x state of one policy assignment type: parameters and metadata as the JSON text the provider writes. */
function declared(type: string, scopeAttribute: string, scope: string, name: string, attributes = {}) {
  return {
    type,
    name: name.replaceAll('-', '_'),
    instances: [
      {
        attributes: {
          id: `${scope}/${PA}/${name}`,
          name,
          [scopeAttribute]: scope,
          description: '',
          enforce: true,
          location: '',
          metadata: '{"createdBy":"8f2e0b5a-0000-4000-8000-000000000051","createdOn":"2024-06-03T09:21:40Z"}',
          not_scopes: [],
          parameters: '',
          identity: [],
          non_compliance_message: [],
          overrides: [],
          resource_selectors: [],
          timeouts: null,
          ...attributes,
        },
      },
    ],
  };
}

function declaredState() {
  return state([
    declared(
      'azurerm_subscription_policy_assignment',
      'subscription_id',
      `/subscriptions/${SUB}`,
      'allowed-locations',
      {
        display_name: 'Allowed locations',
        policy_definition_id: ALLOWED_LOCATIONS,
        // Spacing and layout are not drift.
        parameters: '{ "listOfAllowedLocations": { "value": [ "westeurope", "northeurope" ] } }',
      },
    ),
    declared('azurerm_resource_group_policy_assignment', 'resource_group_id', RG, 'require-cost-center-tag', {
      display_name: 'Require a cost-center tag',
      policy_definition_id: REQUIRE_TAG,
      parameters: '{"tagName":{"value":"cost-center"}}',
    }),
    declared('azurerm_management_group_policy_assignment', 'management_group_id', MG, 'mcsb-platform', {
      display_name: 'Microsoft cloud security benchmark',
      policy_definition_id: BENCHMARK,
      location: 'westeurope',
      // Key order is not drift either.
      parameters: '{"effect-keyvault":{"value":"AuditIfNotExists"},"effect-storage":{"value":"Audit"}}',
      identity: [
        {
          type: 'SystemAssigned',
          identity_ids: [],
          principal_id: '1d2c3b4a-0000-4000-8000-000000000061',
          tenant_id: '72f988bf-0000-4000-8000-000000000001',
        },
      ],
    }),
    declared('azurerm_subscription_policy_assignment', 'subscription_id', `/subscriptions/${SUB}`, 'gone', {
      display_name: 'Deleted by hand',
      policy_definition_id: ALLOWED_LOCATIONS,
    }),
  ]);
}

const key = (type: string, scope: string, name: string) =>
  `${type}.${`${scope}/${PA}/${name}`.toLowerCase()}`;

describe('azure: policy assignments through the authorization API and Resource Graph', () => {
  const arm = useFakeArm({ resources: LIVE, pageSize: 2 });

  beforeEach(() => arm.clear());

  async function scan(live: string) {
    const cwd = tempDir({ 'prod.tfstate': declaredState() });
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--live', live, '--format', 'json'], {
      cwd,
      env: {
        ...arm.env(),
      },
    });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  }

  const drift = (report: { drift: { kind: string; key: string; changes: unknown[] }[] }) =>
    report.drift.map((d) => [d.kind, d.key, d.changes]);

  const expected = [
    ['missing', key('azurerm_subscription_policy_assignment', `/subscriptions/${SUB}`, 'gone'), []],
    [
      'changed',
      key('azurerm_resource_group_policy_assignment', RG, 'require-cost-center-tag'),
      [{ path: 'enforce', declared: true, live: false }],
    ],
    ['unmanaged', key('azurerm_resource_policy_assignment', SA, 'deny-public-blob'), []],
  ];

  it('ARM: lists them once, over pages, at the policy API version, and types each by its scope', async () => {
    const report = await scan(`azure:${SUB};types=${POLICY_TYPES.join(',')}`);
    expect(report.scan.complete).toBe(true);
    expect(report.scan.sources[1].coveredTypes).toEqual(POLICY_TYPES);
    expect(drift(report)).toEqual(expected);
    const lists = arm.requests.filter((r) => r.path.toLowerCase().endsWith('/policyassignments'));
    // Four assignments at two a page: two pages of one list, for all four types.
    expect(lists.map((r) => [r.path, r.apiVersion, r.status])).toEqual([
      [`/subscriptions/${SUB}/${PA}`, '2022-06-01', 200],
      [`/subscriptions/${SUB}/${PA}`, '2022-06-01', 200],
    ]);
    // Nothing else is read for them: no provider metadata and no GET, only the resource list every ARM scan pages.
    expect(arm.requests.filter((r) => !lists.includes(r)).map((r) => r.path)).toEqual([
      `/subscriptions/${SUB}/resources`,
    ]);
  });

  it('ARM: a full scan reads them beside the resources', async () => {
    const report = await scan(`azure:${SUB}`);
    expect(report.scan.complete).toBe(true);
    expect(report.scan.sources[1].coveredTypes).toEqual(expect.arrayContaining(POLICY_TYPES));
    expect(drift(report)).toEqual(expected);
  });

  it('Resource Graph: asks PolicyResources for them (not AuthorizationResources) and maps the rows alike', async () => {
    const report = await scan(`azure-graph:${SUB};types=${POLICY_TYPES.join(',')}`);
    expect(report.scan.complete).toBe(true);
    expect(drift(report)).toEqual(expected);
    expect(arm.graphQueries.map((q) => q.query.split(' ')[0])).toEqual([
      'PolicyResources',
      'PolicyResources',
    ]);
    expect(arm.graphQueries[0]?.query).toContain("'microsoft.authorization/policyassignments'");
  });

  it('a list that keeps failing leaves the four types uncompared: nothing of them is missing', async () => {
    arm.inject({ path: /policyAssignments$/i, status: 500, times: 100 });
    try {
      const result = await runCli(
        [
          'scan',
          '--state',
          'prod.tfstate',
          '--live',
          `azure:${SUB};types=${POLICY_TYPES.join(',')}`,
          '--format',
          'json',
        ],
        {
          cwd: tempDir({ 'prod.tfstate': declaredState() }),
          env: {
            ...arm.env(),
            DRIFTWARDEN_AZURE_MAX_RETRIES: '1',
          },
        },
      );
      expect(result.code).toBe(3);
      const report = JSON.parse(result.stdout);
      const source = report.scan.sources[1];
      expect(source.status).toBe('partial');
      expect(source.coveredTypes).toEqual([]);
      expect(source.problems).toHaveLength(4);
      expect(source.problems[0]).toMatch(
        /^azurerm_management_group_policy_assignment not compared: list .*policyAssignments: failed after retries/,
      );
      expect(report.drift).toEqual([]);
    } finally {
      arm.clear();
    }
  }, 60_000);
});
