import { describe, expect, it, vi } from 'vitest';

/**
 * The catalogue loads the azurerm types on demand (src/model/types/index.ts). The setup file loads the whole
 * catalogue for every test file (test/helpers/whole-catalogue.ts), so each test here imports a fresh copy.
 */
async function freshCatalogue() {
  vi.resetModules();
  return import('../../src/model/types/index.js');
}

describe('the type catalogue, loaded by provider', () => {
  it('holds the AWS types at load, and refuses to answer for azurerm types until they are loaded', async () => {
    const catalogue = await freshCatalogue();
    expect(catalogue.resourceType('aws_s3_bucket')?.type).toBe('aws_s3_bucket');
    expect(catalogue.subResourceOf('aws_s3_bucket_versioning')?.parent.type).toBe('aws_s3_bucket');
    expect(catalogue.isProviderLoaded('azurerm')).toBe(false);
    // "No such type" would read as an unknown type: a missed load throws instead.
    expect(() => catalogue.resourceType('azurerm_storage_account')).toThrow(/azurerm types are not loaded/);
    expect(() => catalogue.subResourceOf('azurerm_storage_account_customer_managed_key')).toThrow(
      /not loaded/,
    );
    expect(() => catalogue.byArmType('Microsoft.Storage/storageAccounts')).toThrow(/not loaded/);
    // A provider the catalogue has no types of is simply unknown.
    expect(catalogue.resourceType('google_storage_bucket')).toBeUndefined();
    expect(catalogue.RESOURCE_TYPES.every((type) => type.provider === 'aws')).toBe(true);
  });

  it('loads a provider for the types that name it, once however many ask', async () => {
    const catalogue = await freshCatalogue();
    const awsCount = catalogue.RESOURCE_TYPES.length;
    await catalogue.loadProvidersOf(['aws_s3_bucket', 'random_id', 'google_storage_bucket']);
    expect(catalogue.isProviderLoaded('azurerm')).toBe(false);
    await Promise.all([
      catalogue.loadProvidersOf(['azurerm_storage_account']),
      catalogue.loadProvidersOf(['azurerm_key_vault']),
      catalogue.loadProviders(['azurerm']),
    ]);
    expect(catalogue.isProviderLoaded('azurerm')).toBe(true);
    expect(catalogue.resourceType('azurerm_storage_account')?.id.caseInsensitive).toBe(true);
    expect(catalogue.byArmType('microsoft.storage/storageaccounts').map((type) => type.type)).toContain(
      'azurerm_storage_account',
    );
    const names = catalogue.RESOURCE_TYPES.map((type) => type.type);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(awsCount);
    // Loading again changes nothing.
    await catalogue.loadProvidersOf(['azurerm_storage_account']);
    expect(catalogue.RESOURCE_TYPES).toHaveLength(names.length);
  });

  it("loadCatalogue gives every provider's types, as the setup file does", async () => {
    const catalogue = await freshCatalogue();
    const all = await catalogue.loadCatalogue();
    expect(new Set(all.map((type) => type.provider))).toEqual(new Set(['aws', 'azurerm']));
    const { AWS_TYPES } = await import('../../src/model/types/aws/index.js');
    const { AZURERM_TYPES } = await import('../../src/model/types/azurerm/index.js');
    expect(all).toHaveLength(AWS_TYPES.length + AZURERM_TYPES.length);
  });
  it('a list of every type refuses a catalogue whose azurerm types are not loaded, then lists both providers', async () => {
    const catalogue = await freshCatalogue();
    const { typeRows } = await import('../../src/cli/types-command.js');
    // npm run docs:types once wrote the README's section from the AWS types alone.
    expect(() => typeRows()).toThrow(/not loaded/);
    await catalogue.loadCatalogue();
    expect(new Set(typeRows().map((row) => row.type.split('_')[0]))).toEqual(new Set(['aws', 'azurerm']));
  });
});
