import { describe, expect, it } from 'vitest';
import { parseArmTemplate } from '../../connectors/iac/arm-template.js';
import { storagePlatformDefaults } from '../../src/model/types/azurerm/storage-account.js';
import { mapArmResource } from '../../src/model/types/map-arm.js';

/*
 * What ARM gives a storage account property a template leaves out, at the api-version the account is deployed
 * with: its own `apiVersion`, or its provider's in the template's `apiProfile`.
 */

const UNKNOWN = { __unknown: true, reason: 'expression' };
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** The transport settings of one storage account that sets neither, in a template with `extra` at its top. */
function transport(account: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const text = JSON.stringify({
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    ...extra,
    resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'st', properties: {}, ...account }],
  });
  const [resource, ...rest] = parseArmTemplate(text, 't.json').resources;
  expect(rest).toEqual([]);
  const { https_traffic_only_enabled: https, min_tls_version: tls } = resource?.attributes ?? {};
  return { https, tls };
}

describe('storage account defaults by api-version', () => {
  it('an absent supportsHttpsTrafficOnly is false before 2019-04-01 and true from it; an absent minimum TLS is 1.0', () => {
    expect(transport({ apiVersion: '2018-11-01' })).toEqual({ https: false, tls: 'TLS1_0' });
    expect(transport({ apiVersion: '2019-04-01' })).toEqual({ https: true, tls: 'TLS1_0' });
    expect(transport({ apiVersion: '2021-09-01-preview' })).toEqual({ https: true, tls: 'TLS1_0' });
  });

  it('keeps what the template sets, whatever the api-version', () => {
    const properties = { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' };
    expect(transport({ apiVersion: '2017-10-01', properties })).toEqual({ https: true, tls: 'TLS1_2' });
  });

  it('an api-version that is not static leaves the HTTPS default unknown, never false', () => {
    expect(
      transport({ apiVersion: "[parameters('api')]" }, { parameters: { api: { type: 'string' } } }),
    ).toEqual({
      https: UNKNOWN,
      tls: 'TLS1_0',
    });
    expect(transport({ apiVersion: "[variables('api')]" }, { variables: { api: '2018-07-01' } }).https).toBe(
      false,
    );
  });

  it('resolves a resource without apiVersion through the apiProfile, its own apiVersion winning', () => {
    expect(transport({}, { apiProfile: '2019-03-01-hybrid' }).https).toBe(false); // Microsoft.Storage 2017-10-01
    expect(transport({}, { apiProfile: '2018-03-01-hybrid' }).https).toBe(false); // 2016-01-01
    expect(transport({}, { apiProfile: '2020-09-01-hybrid' }).https).toBe(true); // 2019-06-01
    expect(transport({}, { apiProfile: 'latest' }).https).toBe(true);
    expect(transport({ apiVersion: '2023-05-01' }, { apiProfile: '2019-03-01-hybrid' }).https).toBe(true);
    expect(transport({}, { apiProfile: '2099-01-01-hybrid' }).https).toEqual(UNKNOWN);
    expect(transport({}).https).toEqual(UNKNOWN);
  });

  it('is a function of the api-version, and a live read never takes the defaults', () => {
    expect(storagePlatformDefaults('2019-03-01')).toEqual({
      https_traffic_only_enabled: false,
      min_tls_version: 'TLS1_0',
      // Before 2023-01-01 the specs said true, but what an account made then holds depends on when: unknown.
      allow_nested_items_to_be_public: UNKNOWN,
      infrastructure_encryption_enabled: false,
    });
    expect(storagePlatformDefaults('2022-09-01').allow_nested_items_to_be_public).toEqual(UNKNOWN);
    expect(storagePlatformDefaults('2023-01-01').allow_nested_items_to_be_public).toBe(false);
    expect(storagePlatformDefaults('not-a-version').https_traffic_only_enabled).toEqual(UNKNOWN);
    const payload = {
      id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      type: 'Microsoft.Storage/storageAccounts',
      name: 'st',
      properties: {},
    };
    const live = mapArmResource(payload, { template: false, apiVersion: '2018-11-01' })?.attributes;
    expect(live).not.toHaveProperty('https_traffic_only_enabled');
    expect(live).not.toHaveProperty('min_tls_version');
    expect(live).not.toHaveProperty('allow_nested_items_to_be_public');
  });
});
