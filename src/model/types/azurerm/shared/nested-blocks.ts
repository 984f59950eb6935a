import { isPlainObject, isUnknown, type Value } from '../../../value.js';
import type { Attributes } from '../../resource-type.js';

/*
 * Terraform's nested blocks hold more than the ARM mappings compare: computed attributes (a container's ephemeral
 * storage), and arguments no mapping reads yet, each written by the provider's read (an empty list, a zero). A
 * module's `canonicalise` keeps in each block the attributes it compares, so the declared block and the live one
 * read alike; what is left out is not compared, as it would not be were one side silent about it.
 */

/** The blocks of a block list that are known objects. */
export function knownBlocks(value: Value | undefined): Attributes[] {
  return Array.isArray(value)
    ? value.filter((block): block is Attributes => isPlainObject(block) && !isUnknown(block))
    : [];
}

/** Keeps in each block of `value` only `fields`; returns the kept blocks, for walking further in. */
export function keepOnly(value: Value | undefined, fields: readonly string[]): Attributes[] {
  const kept = new Set(fields);
  const blocks = knownBlocks(value);
  for (const block of blocks) for (const key of Object.keys(block)) if (!kept.has(key)) delete block[key];
  return blocks;
}

/** Renames a block attribute an older provider wrote (`enable_ip_forwarding` -> `ip_forwarding_enabled`). */
export function renameInBlocks(
  value: Value | undefined,
  renames: readonly (readonly [string, string])[],
): void {
  for (const block of knownBlocks(value))
    for (const [oldName, newName] of renames) {
      if (!Object.hasOwn(block, oldName)) continue;
      if (!Object.hasOwn(block, newName) || block[newName] === null) block[newName] = block[oldName] ?? null;
      delete block[oldName];
    }
}
