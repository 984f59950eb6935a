import { isPlainObject } from '../value.js';
import { byArmType, isProviderLoaded, RESOURCE_TYPES } from './index.js';
import type { Attributes } from './resource-type.js';
import type { ArmShape } from './sources.js';

export interface ArmMapped {
  terraformType: string;
  attributes: Attributes;
}

/**
 * Maps one ARM resource through the catalogue, for every reader of ARM's shape. `template` applies what ARM sets
 * for a property the template leaves out (at the template's `apiVersion`, where that matters); a live read
 * reports what the resource holds, and leaves the rest out. Undefined when no type module maps the resource (or
 * its kind).
 */
export function mapArmResource(
  resource: ArmShape,
  { template, apiVersion }: { template: boolean; apiVersion?: string },
): ArmMapped | undefined {
  for (const candidate of byArmType(resource.type)) {
    const mapping = candidate.sources.arm;
    if (!mapping) continue;
    const terraformType = mapping.typeOf ? mapping.typeOf(resource) : candidate.type;
    if (terraformType !== candidate.type) continue;
    const attributes = mapping.map(resource);
    const defaults = template ? mapping.platformDefaults : undefined;
    const platform = typeof defaults === 'function' ? defaults(apiVersion) : defaults;
    for (const [name, value] of Object.entries(platform ?? {}))
      if (!Object.hasOwn(attributes, name)) attributes[name] = value;
    return { terraformType, attributes };
  }
  return undefined;
}

/** True when the catalogue maps this ARM type (for some kind). */
export function isArmTypeMapped(armType: string): boolean {
  return byArmType(armType).length > 0;
}

/**
 * What the azurerm types say of ARM's parents and children, by parent ARM type (lower-case): the children ARM nests
 * in a parent's payload (type and property), and those live readers list under it. Built the first time a reader
 * asks, once the azurerm types are loaded (index.ts loads them on demand; before that, this throws).
 */
interface ArmFamilies {
  nested: Map<string, { type: string; property: string }[]>;
  listed: Map<string, ListedArmChild[]>;
}

let families: ArmFamilies | undefined;

function armFamilies(): ArmFamilies {
  if (families) return families;
  if (!isProviderLoaded('azurerm'))
    throw new Error('the azurerm types are not loaded: load them before reading ARM');
  const nested = new Map<string, { type: string; property: string }[]>();
  const listed = new Map<string, ListedArmChild[]>();
  for (const type of RESOURCE_TYPES) {
    const arm = type.sources.arm;
    if (arm?.nestedIn) {
      const parent = arm.nestedIn.type.toLowerCase();
      nested.set(parent, [
        ...(nested.get(parent) ?? []),
        { type: arm.type, property: arm.nestedIn.property },
      ]);
    }
    if (arm?.listedUnder) {
      const parent = arm.listedUnder.type.toLowerCase();
      const child = {
        type: arm.type,
        path: arm.listedUnder.path,
        apiVersion: arm.listedUnder.apiVersion,
        alsoElsewhere: arm.listedUnder.alsoElsewhere === true,
      };
      const known = listed.get(parent) ?? [];
      // One ARM type may serve several canonical types: it is listed once.
      if (!known.some((k) => k.type.toLowerCase() === child.type.toLowerCase()))
        listed.set(parent, [...known, child]);
    }
  }
  families = { nested, listed };
  return families;
}

/** The ARM types of the children the catalogue maps out of a parent of this ARM type (none for most). */
export function nestedArmTypes(parentArmType: string): readonly string[] {
  return (armFamilies().nested.get(parentArmType.toLowerCase()) ?? []).map((child) => child.type);
}

/**
 * The child resources a parent's payload holds (the subnets in a virtual network's `properties.subnets`), each as
 * the ARM shape a GET of the child returns: its own id, name and properties, with the child's ARM type. A child
 * without an id of its own cannot be told apart from any other: it is left out, and its ARM type is named in
 * `unidentified`, so that nothing of that type reads as missing. A template's inline children (`template`) have
 * no id before deployment: their name within the parent identifies them, and they are read without one.
 */
export function nestedArmResources(
  parent: ArmShape,
  { template = false }: { template?: boolean } = {},
): { children: ArmShape[]; unidentified: string[] } {
  const children: ArmShape[] = [];
  const unidentified = new Set<string>();
  for (const { type, property } of armFamilies().nested.get(parent.type.toLowerCase()) ?? []) {
    const items = isPlainObject(parent.properties) ? parent.properties[property] : undefined;
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) {
      unidentified.add(type);
      continue;
    }
    for (const item of items) {
      const id = isPlainObject(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
      if (!isPlainObject(item) || (id === undefined && !(template && item.name !== undefined))) {
        unidentified.add(type);
        continue;
      }
      children.push({
        ...(id !== undefined ? { id } : {}),
        type,
        ...(item.name !== undefined ? { name: item.name } : {}),
        ...(item.properties !== undefined ? { properties: item.properties } : {}),
      });
    }
  }
  return { children, unidentified: [...unidentified] };
}

/** A child type live readers list under each parent: its ARM type, and where and at which api-version to list it. */
export interface ListedArmChild {
  type: string;
  path: string;
  apiVersion: string;
  /** Objects of the type also live under other kinds of parent: covered only under the parents listed. */
  alsoElsewhere: boolean;
}

/** The children the catalogue lists under a parent of this ARM type (none for most). */
export function listedArmChildren(parentArmType: string): readonly ListedArmChild[] {
  return armFamilies().listed.get(parentArmType.toLowerCase()) ?? [];
}
