import { resourceType } from '../model/types/index.js';
import type { NormalisePass } from './pass.js';

/**
 * Provider upgrades rename attributes; state written by an older provider still carries the old names. The
 * canonical model uses the current names, so a state does not read differently after a provider upgrade.
 * Old name -> current name, per type. A value under the current name wins when both are present.
 */
const RENAMED: ReadonlyMap<string, readonly (readonly [string, string])[]> = new Map([
  [
    'azurerm_storage_account',
    [
      ['enable_https_traffic_only', 'https_traffic_only_enabled'],
      ['allow_blob_public_access', 'allow_nested_items_to_be_public'],
    ],
  ],
]);

export const renamedAttributesPass: NormalisePass = {
  name: 'renamed-attributes',
  apply(resource) {
    const renames = resourceType(resource.type)?.renamed ?? RENAMED.get(resource.type);
    if (!renames) return;
    const attributes = resource.attributes;
    for (const [oldName, newName] of renames) {
      if (oldName === newName || !Object.hasOwn(attributes, oldName)) continue;
      if (!Object.hasOwn(attributes, newName) || attributes[newName] === null)
        attributes[newName] = attributes[oldName] ?? null;
      delete attributes[oldName];
    }
  },
};
