import { resourceType } from '../model/types/index.js';
import { deepEqual } from '../util/canonical-json.js';
import { pruneEmpty } from './empty-values.js';
import type { PairPass } from './pair-pass.js';

/**
 * An attribute the declared side leaves unset (`null`) takes the provider's or platform's value for "unset", from
 * the type catalogue's `defaults`: where the live side holds exactly that value, the two agree. A bucket whose
 * state records no encryption configuration is encrypted with SSE-S3 by S3 itself (since January 2023); that is
 * not a change anyone made. A live value other than the default is still drift.
 */
export const providerDefaultsPass: PairPass = {
  name: 'provider-defaults',
  apply(declared, live) {
    const defaults = resourceType(declared.type)?.defaults;
    if (!defaults) return;
    for (const [name, value] of Object.entries(defaults)) {
      if (declared.attributes[name] !== null || !Object.hasOwn(live.attributes, name)) continue;
      // Compared in normalised form, as the live side already is.
      const normalised = pruneEmpty(structuredClone(value)) ?? null;
      if (deepEqual(live.attributes[name], normalised)) declared.attributes[name] = normalised;
    }
  },
};
