import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingFor } from '../../connectors/azure/map/index.js';
import type { ArmResource } from '../../connectors/azure/map/types.js';
import { classify } from '../../src/diff/classify.js';
import { coverageOf } from '../../src/diff/coverage.js';
import { NO_IGNORE_RULES } from '../../src/ignore/index.js';
import type { Resource } from '../../src/model/resource.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { resource } from '../helpers/resource.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const DISK = `${RG}/providers/Microsoft.Compute/disks/disk-orders-data`;
const VAULT = `${RG}/providers/Microsoft.KeyVault/vaults/kv-acme-prod`;

/** An azurerm_managed_disk as azurerm 4.x writes it to state, declaring what the recorded disk holds. */
function declared(): Resource<'declared'> {
  return resource('azurerm_managed_disk', DISK, {
    id: DISK,
    name: 'disk-orders-data',
    location: 'westeurope',
    resource_group_name: 'rg-prod',
    storage_account_type: 'Premium_LRS',
    create_option: 'Empty',
    disk_size_gb: 256,
    disk_encryption_set_id: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-prod`,
    disk_access_id: '',
    encryption_settings: [
      {
        disk_encryption_key: [
          {
            secret_url:
              'https://kv-acme-prod.vault.azure.net/secrets/disk-orders-data-bek/5d1c0e6f2a3b4c8d9e0f1a2b3c4d5e6f',
            source_vault_id: VAULT,
          },
        ],
        key_encryption_key: [
          {
            key_url: 'https://kv-acme-prod.vault.azure.net/keys/disk-kek/a1b2c3d4e5f60718293a4b5c6d7e8f90',
            source_vault_id: VAULT,
          },
        ],
      },
    ],
    network_access_policy: 'DenyAll',
    public_network_access_enabled: false,
    tags: { env: 'prod' },
  });
}

/**
 * The recorded disk (fixtures/azure/managed-disk.json, see its `_source`) with the resource group written the way
 * Compute returns it: upper-cased, in the disk's id and in the ids it holds.
 */
function liveDisk(): Resource<'live'> {
  const text = readFileSync(join(import.meta.dirname, '../../fixtures/azure/managed-disk.json'), 'utf8');
  const payload = JSON.parse(
    text.replaceAll('/resourceGroups/rg-prod/', '/RESOURCEGROUPS/RG-PROD/'),
  ) as ArmResource;
  const mapped = mappingFor('Microsoft.Compute/disks')?.map(payload);
  if (!mapped) throw new Error('managed-disk.json did not map');
  return resource(mapped.terraformType, mapped.id, mapped.attributes, 'live');
}

describe('ARM ids compare case-insensitively', () => {
  it('a disk whose live id reads RESOURCEGROUPS/RG-PROD pairs with the declared resourceGroups/rg-prod and does not drift', () => {
    const live = liveDisk();
    expect(live.id).toContain('/RESOURCEGROUPS/RG-PROD/');
    expect(live.attributes.resource_group_name).toBe('RG-PROD');
    const disk = declared();
    normaliseResources([disk, live]);
    const result = classify(
      new Map([[disk.key, disk]]),
      new Map([[live.key, [live]]]),
      coverageOf([{ types: ['azurerm_managed_disk'] }]),
      NO_IGNORE_RULES,
    );
    expect(result.drift).toEqual([]);
    expect(result.managed).toBe(1);
  });

  it('a disk encryption set that really changed still shows', () => {
    const live = liveDisk();
    live.attributes.disk_encryption_set_id = `/subscriptions/${SUB}/RESOURCEGROUPS/RG-PROD/providers/Microsoft.Compute/diskEncryptionSets/des-other`;
    const disk = declared();
    normaliseResources([disk, live]);
    const result = classify(
      new Map([[disk.key, disk]]),
      new Map([[live.key, [live]]]),
      coverageOf([{ types: ['azurerm_managed_disk'] }]),
      NO_IGNORE_RULES,
    );
    expect(result.drift.map((d) => d.changes)).toEqual([
      [
        {
          path: 'disk_encryption_set_id',
          declared: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-prod`.toLowerCase(),
          live: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-other`.toLowerCase(),
        },
      ],
    ]);
  });
});
