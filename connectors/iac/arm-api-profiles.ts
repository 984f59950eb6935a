import type { Value } from '../../src/model/value.js';

/*
 * A template's `apiProfile` names a set of api-versions, one per resource provider: a resource that gives no
 * `apiVersion` of its own is deployed at its provider's version in the profile (learn.microsoft.com, "Understand
 * the structure and syntax of ARM templates", apiProfile; Azure Stack Hub's "API version profiles"). Only the
 * providers whose platform defaults depend on the api-version are listed: Microsoft.Storage (storage-account.ts).
 *
 * Versions from Azure/azure-cli `src/azure-cli-core/azure/cli/core/profiles/_shared.py` (AZURE_API_PROFILES,
 * ResourceType.MGMT_STORAGE), matching Azure/azure-rest-api-specs `profiles/definitions/hybrid-2019-03-01.md` and
 * `hybrid-2018-03-01.md` (microsoft.storage storageAccounts) and Azure/azure-sdk-for-go `profiles/`. `latest` is
 * each provider's newest version: for Microsoft.Storage the newest stable one in azure-rest-api-specs
 * (`specification/storage/resource-manager/Microsoft.Storage/stable/2025-06-01`); every version since 2019-04-01
 * has the same defaults.
 */
const PROFILES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['latest', new Map([['microsoft.storage', '2025-06-01']])],
  ['2020-09-01-hybrid', new Map([['microsoft.storage', '2019-06-01']])],
  ['2019-03-01-hybrid', new Map([['microsoft.storage', '2017-10-01']])],
  ['2018-03-01-hybrid', new Map([['microsoft.storage', '2016-01-01']])],
  ['2017-03-09-profile', new Map([['microsoft.storage', '2016-01-01']])],
]);

/** The api-version the profile gives a resource of this ARM type, or undefined when it gives none known here. */
export function profileApiVersion(profile: Value | undefined, armType: string): string | undefined {
  if (typeof profile !== 'string') return undefined;
  const namespace = armType.slice(0, armType.indexOf('/')).toLowerCase();
  return PROFILES.get(profile.toLowerCase())?.get(namespace);
}
