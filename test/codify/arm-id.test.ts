import { describe, expect, it } from 'vitest';
import { canonicalArmId } from '../../src/codify/arm-id.js';
import { codifyPlan } from '../../src/codify/plan.js';
import { resourceKey } from '../../src/model/resource.js';

describe('canonicalArmId', () => {
  it('re-cases the fixed segments azurerm parses case-sensitively, and never a name', () => {
    expect(
      canonicalArmId(
        '/subscriptions/0000/resourcegroups/RG-Prod/providers/microsoft.operationalinsights/WORKSPACES/Law-Dev',
        'Microsoft.OperationalInsights/workspaces',
      ),
    ).toBe(
      '/subscriptions/0000/resourceGroups/RG-Prod/providers/Microsoft.OperationalInsights/workspaces/Law-Dev',
    );
    expect(
      canonicalArmId(
        '/SUBSCRIPTIONS/0000/RESOURCEGROUPS/rg/PROVIDERS/MICROSOFT.STORAGE/STORAGEACCOUNTS/Acct/BLOBSERVICES/default/CONTAINERS/Logs',
        'Microsoft.Storage/storageAccounts/blobServices/containers',
      ),
    ).toBe(
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/Acct/blobServices/default/containers/Logs',
    );
  });

  it('leaves names that look like keywords alone', () => {
    expect(
      canonicalArmId(
        '/subscriptions/s/resourceGroups/providers/providers/Microsoft.Web/serverfarms/resourcegroups',
        'Microsoft.Web/serverFarms',
      ),
    ).toBe('/subscriptions/s/resourceGroups/providers/providers/Microsoft.Web/serverFarms/resourcegroups');
  });

  it("re-cases an extension resource's own section, and only the keywords of its scope", () => {
    expect(
      canonicalArmId(
        '/subscriptions/s/resourcegroups/rg/providers/microsoft.storage/storageaccounts/a/providers/microsoft.authorization/roleassignments/g',
        'Microsoft.Authorization/roleAssignments',
      ),
    ).toBe(
      '/subscriptions/s/resourceGroups/rg/providers/microsoft.storage/storageaccounts/a/providers/Microsoft.Authorization/roleAssignments/g',
    );
    expect(
      canonicalArmId(
        '/providers/microsoft.management/managementgroups/mg/providers/microsoft.authorization/policyassignments/p',
        'Microsoft.Authorization/policyAssignments',
      ),
    ).toBe(
      '/providers/microsoft.management/managementgroups/mg/providers/Microsoft.Authorization/policyAssignments/p',
    );
  });

  it('re-cases each part of a composite id, and leaves a type it does not match', () => {
    expect(
      canonicalArmId(
        '/subscriptions/s/providers/microsoft.authorization/roledefinitions/r|/subscriptions/s/resourcegroups/rg',
        'Microsoft.Authorization/roleDefinitions',
      ),
    ).toBe(
      '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/r|/subscriptions/s/resourceGroups/rg',
    );
    expect(canonicalArmId('/subscriptions/s/providers/microsoft.other/things/t', 'Microsoft.Web/sites')).toBe(
      '/subscriptions/s/providers/microsoft.other/things/t',
    );
    expect(
      canonicalArmId(
        'https://acct.blob.core.windows.net/c',
        'Microsoft.Storage/storageAccounts/blobServices/containers',
      ),
    ).toBe('https://acct.blob.core.windows.net/c');
  });

  it('is what codify writes for an azurerm resource, from the catalogue ARM type', () => {
    const id = '/subscriptions/s/resourcegroups/rg/providers/microsoft.insights/components/AppI';
    const plan = codifyPlan(
      [
        {
          kind: 'unmanaged',
          key: resourceKey('azurerm_application_insights', id),
          type: 'azurerm_application_insights',
          id,
          provider: 'azurerm',
          changes: [],
        },
      ],
      { withConfig: false },
    );
    expect(plan.groups[0]?.imports[0]).toMatchObject({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/AppI',
      name: 'appi',
    });
  });
});
