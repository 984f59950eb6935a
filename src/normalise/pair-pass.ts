import type { Resource } from '../model/resource.js';
import { providerDefaultsPass } from './provider-defaults.js';

/**
 * A pass over a declared resource and the live resource it pairs with, for quirks that only both sides together
 * can settle (driftctl's middlewares see both sides the same way). Pair passes run after every single-resource
 * pass, just before the two are compared, and may change either side.
 */
export interface PairPass {
  name: string;
  apply(declared: Resource, live: Resource): void;
}

export const PAIR_PASSES: readonly PairPass[] = [providerDefaultsPass];

export function normalisePair(declared: Resource, live: Resource, passes = PAIR_PASSES): void {
  for (const pass of passes) pass.apply(declared, live);
}
