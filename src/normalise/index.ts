import type { Resource } from '../model/resource.js';
import { emptyValuesPass } from './empty-values.js';
import type { NormalisePass } from './pass.js';
import { policyDocumentsPass } from './policy-documents.js';
import { setsPass } from './sets.js';
import { tagsAllPass } from './tags-all.js';

/**
 * The passes, in order. Policy documents are parsed first so later passes see their structure; empty values are
 * pruned before sets are sorted, so that a set element with an empty field on one side sorts like the element
 * without it on the other.
 */
export const NORMALISE_PASSES: readonly NormalisePass[] = [
  policyDocumentsPass,
  tagsAllPass,
  emptyValuesPass,
  setsPass,
];

export function normaliseResources(resources: Iterable<Resource>, passes = NORMALISE_PASSES): void {
  for (const resource of resources) {
    for (const pass of passes) pass.apply(resource);
  }
}

export type { NormalisePass } from './pass.js';
