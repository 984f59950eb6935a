import { isPlainObject, isUnknown, unknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { Attributes } from '../../resource-type.js';
import * as s from '../../schema.js';

/*
 * The managed identity block most azurerm types share, `identity { type, identity_ids }`, from ARM's top-level
 * `identity{type, userAssignedIdentities: {<id>: {...}}}` (ManagedServiceIdentity, common-types v5). The provider's
 * `identity.FlattenSystemAndUserAssignedMap` writes the type as `SystemAssigned, UserAssigned` whatever spacing and
 * casing the RP returns, and the identity ids as a set of the map's keys. principal_id and tenant_id are computed
 * (and empty for a user-assigned identity alone): not mapped, so a template and a GET read alike.
 *
 * The ARM template reader (connectors/iac) does not pass a template's `identity` on to the mappings, so a template
 * reports no identity (unknown, not "none").
 */

export const identitySchema = s.blocks({ type: s.string, identity_ids: s.strings });

/** The set inside the block, for a module's `sets`. */
export const IDENTITY_SETS = ['identity[*].identity_ids'] as const;

const CANONICAL: Readonly<Record<string, string>> = {
  systemassigned: 'SystemAssigned',
  userassigned: 'UserAssigned',
};

/** ARM's identity -> `[{type, identity_ids}]`; `None` is no block; a type Terraform cannot hold is unknown. */
export function identityOf(identity: Value | undefined): Value | undefined {
  if (identity === undefined || identity === null) return undefined;
  if (!isPlainObject(identity) || isUnknown(identity)) return unknown('expression');
  const type = arm.str(arm.field(identity, 'type'));
  if (typeof type !== 'string') return type === undefined ? undefined : type;
  const parts = type
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'none')) return [];
  const names = parts.map((part) => CANONICAL[part]);
  if (names.some((name) => name === undefined)) return unknown('expression');
  const block: Attributes = { type: names.join(', ') };
  arm.put(block, 'identity_ids', identityIds(arm.field(identity, 'userAssignedIdentities')));
  return [block];
}

function identityIds(map: Value | undefined): Value | undefined {
  if (map === undefined) return undefined;
  if (!isPlainObject(map) || isUnknown(map)) return unknown('expression');
  return Object.keys(map);
}

/**
 * Leaves the computed principal_id and tenant_id out of Terraform's identity blocks (for a module's `canonicalise`):
 * a system-assigned identity's are set in state, and no ARM mapping reports them.
 */
export function withoutComputedIdentity(attributes: Attributes): void {
  const blocks = attributes.identity;
  if (!Array.isArray(blocks)) return;
  for (const block of blocks) {
    if (!isPlainObject(block) || isUnknown(block)) continue;
    delete block.principal_id;
    delete block.tenant_id;
  }
}
