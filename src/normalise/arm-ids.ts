import { isPlainObject, isSensitive, isUnknown, setOwnValue, type Value } from '../model/value.js';
import type { NormalisePass } from './pass.js';

/**
 * ARM compares resource ids case-insensitively and does not keep one casing: Compute returns
 * `/resourceGroups/RG-NAME/` in a disk's id, other providers `/resourcegroups/` in the ids they hold, the provider
 * writes what the configuration said. Resource group names compare the same way. So, for azurerm resources, the
 * values that are ARM ids (in attributes named `id`, `*_id`, `*_ids`, `scope`, `*_scope`, `*_scopes`, at any depth)
 * and resource group names (`resource_group_name`, and a resource group's `name`) are lower-cased, as keys are.
 * A `*_id` that is not an ARM id (a GUID, a Key Vault URL) keeps its casing; tag values are data and are left alone.
 */
export const armIdsPass: NormalisePass = {
  name: 'arm-ids',
  apply(resource) {
    if (resource.provider !== 'azurerm') return;
    const attributes = resource.attributes;
    normaliseMembers(attributes);
    if (resource.type === 'azurerm_resource_group' && typeof attributes.name === 'string')
      attributes.name = attributes.name.toLowerCase();
  },
};

const ID_KEY = /(^|_)(id|ids|scope|scopes)$/;
const ARM_ID = /^\/(subscriptions|providers)\//i;

function normalise(key: string, value: Value): Value {
  if (typeof value === 'string') {
    if (key === 'resource_group_name') return value.toLowerCase();
    return ID_KEY.test(key) && ARM_ID.test(value) ? value.toLowerCase() : value;
  }
  if (Array.isArray(value)) return value.map((item) => normalise(key, item));
  if (isPlainObject(value) && !isUnknown(value) && !isSensitive(value)) normaliseMembers(value);
  return value;
}

function normaliseMembers(object: { [key: string]: Value }): void {
  for (const key of Object.keys(object)) {
    if (key === 'tags') continue;
    const value = object[key] ?? null;
    const next = normalise(key, value);
    if (next !== value) setOwnValue(object, key, next);
  }
}
