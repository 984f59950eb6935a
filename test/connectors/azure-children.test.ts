import { describe, expect, it } from 'vitest';
import { listChildren } from '../../connectors/azure/children.js';
import type { ArmApi } from '../../connectors/azure/client.js';
import type { ArmResource } from '../../connectors/azure/map/types.js';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod';
const TYPE = 'Microsoft.Storage/storageAccounts';

function recordingApi(paths: string[]): ArmApi {
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    stats: () => ({}),
    async *listResources() {},
    listResourceGroups: unused,
    apiVersionFor: unused,
    getById: unused,
    getProperties: unused,
    graphQuery: unused,
    async listPath(path) {
      paths.push(path);
      return [];
    },
  };
}

describe('listing children under their parents', () => {
  it('never puts a parent id from the cloud that is not a plain ARM id into a request', async () => {
    const paths: string[] = [];
    const parents: ArmResource[] = [
      { id: `${RG}/providers/${TYPE}/ok`, type: TYPE },
      { id: `${RG}/providers/${TYPE}/a/../../../../providers/Microsoft.Authorization/x`, type: TYPE },
      { id: `${RG}/providers/${TYPE}/b?$filter=x`, type: TYPE },
      { id: 'https://evil.example/subscriptions/x', type: TYPE },
    ];
    const result = await listChildren(
      recordingApi(paths),
      parents,
      new Set(['azurerm_storage_container']),
      (payloads) => payloads as ArmResource[],
      2,
    );
    expect(paths).toEqual([`${RG}/providers/${TYPE}/ok/blobServices/default/containers`]);
    expect(result.listedUnder.get('azurerm_storage_container')).toEqual([
      `azurerm_storage_container.${RG.toLowerCase()}/providers/${TYPE.toLowerCase()}/ok/`,
    ]);
    expect(result.failedUnder.get('azurerm_storage_container')?.map((f) => f.message)).toEqual([
      'its id is not an ARM resource id',
      'its id is not an ARM resource id',
      'its id is not an ARM resource id',
    ]);
  });

  it("a list holding a child of the wrong shape leaves that parent's children unknown", async () => {
    const api = recordingApi([]);
    const good = { id: `${RG}/providers/${TYPE}/a/blobServices/default/containers/c1`, name: 'c1' };
    api.listPath = async (path) =>
      path.includes('/a/') ? [good, { name: 'no-id' }] : [{ ...good, id: good.id.replace('/a/', '/b/') }];
    const checked: unknown[][] = [];
    const result = await listChildren(
      api,
      [
        { id: `${RG}/providers/${TYPE}/a`, type: TYPE },
        { id: `${RG}/providers/${TYPE}/b`, type: TYPE },
      ],
      new Set(['azurerm_storage_container']),
      (payloads) => {
        checked.push([...payloads]);
        return payloads.filter((p) => typeof (p as { id?: unknown }).id === 'string') as ArmResource[];
      },
      1,
    );
    // A payload without its type is read as the type listed.
    expect(checked[0]?.[0]).toMatchObject({
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    });
    expect(result.failedUnder.get('azurerm_storage_container')).toEqual([
      { parent: `${RG}/providers/${TYPE}/a`, message: 'the list holds children of the wrong shape' },
    ]);
    expect(result.items.map((item) => item.id)).toEqual([good.id.replace('/a/', '/b/')]);
  });

  it('lists nothing for a parent whose child types the scan does not want', async () => {
    const paths: string[] = [];
    await listChildren(
      recordingApi(paths),
      [{ id: `${RG}/providers/${TYPE}/ok`, type: TYPE }],
      new Set(['azurerm_storage_account']),
      (payloads) => payloads as ArmResource[],
      2,
    );
    expect(paths).toEqual([]);
  });
});
