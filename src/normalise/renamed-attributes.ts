import { resourceType } from '../model/types/index.js';
import { withoutKey } from '../model/value.js';
import type { NormalisePass } from './pass.js';

/**
 * Provider upgrades rename attributes; state written by an older provider still carries the old names. The
 * canonical model uses the current names (each type module's `renamed`, old -> current), so a state does not read
 * differently after a provider upgrade. A value under the current name wins when both are present.
 */
export const renamedAttributesPass: NormalisePass = {
  name: 'renamed-attributes',
  apply(resource) {
    const renames = resourceType(resource.type)?.renamed;
    if (!renames) return;
    for (const [oldName, newName] of renames) {
      const attributes = resource.attributes;
      if (oldName === newName || !Object.hasOwn(attributes, oldName)) continue;
      if (!Object.hasOwn(attributes, newName) || attributes[newName] === null)
        attributes[newName] = attributes[oldName] ?? null;
      resource.attributes = withoutKey(attributes, oldName);
    }
  },
};
