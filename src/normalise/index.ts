import type { Resource } from '../model/resource.js';
import { emptyValuesPass } from './empty-values.js';
import type { NormalisePass } from './pass.js';
import { policyDocumentsPass } from './policy-documents.js';
import { setsPass } from './sets.js';
import { tagsAllPass } from './tags-all.js';

/**
 * The passes, in order. Policy documents are parsed first so later passes see their structure; empty values are
 * pruned last so that the other passes' output is pruned too.
 */
export const NORMALISE_PASSES: readonly NormalisePass[] = [policyDocumentsPass, tagsAllPass, setsPass, emptyValuesPass];

export function normaliseResources(resources: Iterable<Resource>, passes = NORMALISE_PASSES): void {
  for (const resource of resources) {
    for (const pass of passes) pass.apply(resource);
  }
}

export type { NormalisePass } from './pass.js';
