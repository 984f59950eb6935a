import { describe, expect, it } from 'vitest';
import { resourceType } from '../../src/model/types/index.js';
import { mapArmResource } from '../../src/model/types/map-arm.js';
import type { Attributes } from '../../src/model/types/resource-type.js';
import { unknown, type Value } from '../../src/model/value.js';

/**
 * The ARM types that are several azurerm types, told apart by what the payload says: a policy assignment by its
 * scope, a scale set by its OS profile and orchestration mode. Shapes as in fixtures/types/azurerm/.
 */
const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const POLICY = 'Microsoft.Authorization/policyAssignments';
const DEFINITION =
  '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c';

function templateAssignment(scope: unknown) {
  return mapArmResource(
    {
      type: POLICY,
      name: 'allowed-locations',
      ...(scope === undefined ? {} : { scope: scope as string }),
      properties: { policyDefinitionId: DEFINITION },
    },
    { template: true },
  );
}

describe('policy assignments: the azurerm type of the scope', () => {
  it.each([
    [`/subscriptions/${SUB}`, 'azurerm_subscription_policy_assignment', 'subscription_id'],
    [`/subscriptions/${SUB}/`, 'azurerm_subscription_policy_assignment', 'subscription_id'],
    [RG, 'azurerm_resource_group_policy_assignment', 'resource_group_id'],
    [
      '/providers/Microsoft.Management/managementGroups/mg-platform',
      'azurerm_management_group_policy_assignment',
      'management_group_id',
    ],
    [
      `${RG}/providers/Microsoft.Storage/storageAccounts/sa/blobServices/default`,
      'azurerm_resource_policy_assignment',
      'resource_id',
    ],
  ])('%s is %s', (scope, type, attribute) => {
    const mapped = templateAssignment(scope);
    expect(mapped?.terraformType).toBe(type);
    expect(mapped?.attributes[attribute]).toBe(scope.replace(/\/$/, ''));
    // A template that leaves enforcementMode out gets ARM's Default.
    expect(mapped?.attributes.enforce).toBe(true);
  });

  it("a template's relative scope is a resource of the deployment, or a management group by its name", () => {
    const resource = templateAssignment('Microsoft.Storage/storageAccounts/sa');
    expect(resource?.terraformType).toBe('azurerm_resource_policy_assignment');
    expect(resource?.attributes.resource_id).toEqual(unknown('expression'));
    const group = templateAssignment('Microsoft.Management/managementGroups/mg-platform');
    expect(group?.terraformType).toBe('azurerm_management_group_policy_assignment');
    expect(group?.attributes.management_group_id).toBe(
      '/providers/Microsoft.Management/managementGroups/mg-platform',
    );
  });

  it('a template without a static scope deploys at a scope it does not say: none of the four types', () => {
    expect(templateAssignment(undefined)).toBeUndefined();
    expect(templateAssignment(unknown('expression'))).toBeUndefined();
    expect(templateAssignment('/tenants/x')).toBeUndefined();
  });

  it('a live assignment without properties.scope is typed by its id', () => {
    const mapped = mapArmResource(
      {
        id: `${RG}/providers/${POLICY}/require-tag`,
        type: POLICY,
        name: 'require-tag',
        properties: { policyDefinitionId: DEFINITION, enforcementMode: 'DoNotEnforce' },
      },
      { template: false },
    );
    expect(mapped?.terraformType).toBe('azurerm_resource_group_policy_assignment');
    expect(mapped?.attributes).toMatchObject({ resource_group_id: RG, enforce: false, parameters: null });
  });

  it('an enforcement mode the attribute cannot hold, and a live one left out, are not compared', () => {
    const payloads: Value[] = [{ enforcementMode: 'Enroll' }, {}];
    for (const properties of payloads) {
      const mapped = mapArmResource(
        { id: `${RG}/providers/${POLICY}/p`, type: POLICY, name: 'p', properties },
        { template: false },
      );
      expect(mapped && 'enforce' in mapped.attributes).toBe(false);
    }
  });
});

describe('virtual machine scale sets: the azurerm type of the payload', () => {
  const scaleSet = (properties: Record<string, Value>) =>
    mapArmResource(
      { type: 'Microsoft.Compute/virtualMachineScaleSets', name: 'vmss', properties },
      { template: true },
    );

  it('a Uniform scale set is Linux or Windows by its OS profile, else by its OS disk', () => {
    expect(
      scaleSet({ virtualMachineProfile: { osProfile: { linuxConfiguration: {} } } })?.terraformType,
    ).toBe('azurerm_linux_virtual_machine_scale_set');
    expect(
      scaleSet({
        orchestrationMode: 'Uniform',
        virtualMachineProfile: { osProfile: { windowsConfiguration: {} } },
      })?.terraformType,
    ).toBe('azurerm_windows_virtual_machine_scale_set');
    expect(
      scaleSet({ virtualMachineProfile: { storageProfile: { osDisk: { osType: 'Windows' } } } })
        ?.terraformType,
    ).toBe('azurerm_windows_virtual_machine_scale_set');
  });

  it('a Flexible scale set is azurerm_orchestrated_virtual_machine_scale_set, which has no module: none', () => {
    expect(
      scaleSet({
        orchestrationMode: 'Flexible',
        virtualMachineProfile: { osProfile: { linuxConfiguration: {} } },
      }),
    ).toBeUndefined();
  });

  it('reads the 4.x network interface names, and the 3.x ones from an older state', () => {
    const mapped = scaleSet({
      virtualMachineProfile: {
        osProfile: { linuxConfiguration: {} },
        networkProfile: {
          networkInterfaceConfigurations: [
            {
              name: 'nic',
              properties: {
                enableAcceleratedNetworking: true,
                ipConfigurations: [{ name: 'ip', properties: { subnet: { id: `${RG}/x` } } }],
              },
            },
          ],
        },
      },
    });
    expect(mapped?.attributes.network_interface).toEqual([
      {
        name: 'nic',
        primary: false,
        accelerated_networking_enabled: true,
        ip_forwarding_enabled: false,
        ip_configuration: [{ name: 'ip', primary: false, subnet_id: `${RG}/x`, version: 'IPv4' }],
      },
    ]);
    // azurerm 3.x state: enable_accelerated_networking and enable_ip_forwarding, and what no form compares.
    const declared: Attributes = {
      network_interface: [
        {
          name: 'nic',
          primary: true,
          enable_accelerated_networking: true,
          enable_ip_forwarding: false,
          auxiliary_mode: '',
          ip_configuration: [{ name: 'ip', primary: true, subnet_id: `${RG}/x`, public_ip_address: [] }],
        },
      ],
    };
    resourceType('azurerm_linux_virtual_machine_scale_set')?.canonicalise?.(declared);
    expect(declared.network_interface).toEqual([
      {
        name: 'nic',
        primary: true,
        accelerated_networking_enabled: true,
        ip_forwarding_enabled: false,
        ip_configuration: [{ name: 'ip', primary: true, subnet_id: `${RG}/x` }],
      },
    ]);
  });
});
