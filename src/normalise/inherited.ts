import { resourceType } from '../model/types/index.js';
import { unknown, type Value } from '../model/value.js';
import type { NormalisePass } from './pass.js';

/**
 * Code that creates a resource from a source (a snapshot, a replica's primary, a restore point) and leaves out an
 * attribute the resource inherits from it (the type module's `inherited`) does not know that attribute: it is
 * unknown until apply, never the provider's default. State and live data hold the real value, so only code is
 * touched.
 */
export const inheritedPass: NormalisePass = {
  name: 'inherited',
  apply(resource) {
    if (resource.origin !== 'code') return;
    const inherited = resourceType(resource.type)?.inherited;
    if (!inherited) return;
    for (const [name, sources] of Object.entries(inherited)) {
      if (isSet(resource.attributes[name])) continue;
      if (sources.some((source) => isSet(resource.attributes[source])))
        resource.attributes[name] = unknown('computed');
    }
  },
};

function isSet(value: Value | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}
