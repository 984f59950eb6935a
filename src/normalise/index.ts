import type { Resource } from '../model/resource.js';
import { armIdsPass } from './arm-ids.js';
import { emptyValuesPass } from './empty-values.js';
import { inheritedPass } from './inherited.js';
import type { NormalisePass } from './pass.js';
import { policyDocumentsPass } from './policy-documents.js';
import { renamedAttributesPass } from './renamed-attributes.js';
import { setsPass } from './sets.js';
import { tagsAllPass } from './tags-all.js';

/**
 * The passes, in order. Renamed attributes first, so every later pass sees current names. Policy documents are parsed first so later passes see their structure; empty values are
 * pruned before sets are sorted, so that a set element with an empty field on one side sorts like the element
 * without it on the other. ARM ids are lower-cased before sets are sorted, so that casing does not order them.
 */
export const NORMALISE_PASSES: readonly NormalisePass[] = [
  renamedAttributesPass,
  inheritedPass,
  policyDocumentsPass,
  tagsAllPass,
  emptyValuesPass,
  armIdsPass,
  setsPass,
];

export function normaliseResources(resources: Iterable<Resource>, passes = NORMALISE_PASSES): void {
  for (const resource of resources) normaliseResource(resource, passes);
}

export function normaliseResource(resource: Resource, passes = NORMALISE_PASSES): void {
  for (const pass of passes) pass.apply(resource);
}

export type { NormalisePass } from './pass.js';
