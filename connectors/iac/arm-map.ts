import { isArmTypeMapped, mapArmResource } from '../../src/model/types/map-arm.js';
import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { setOwn } from './limits.js';

/*
 * Evaluated ARM template resources -> canonical azurerm types, through the type catalogue (src/model/types/azurerm):
 * the one ARM mapping per type that the live connector also reads GET payloads and Resource Graph rows with.
 * Template `properties` carry the ARM property names a GET returns. An attribute the template leaves out gets the
 * value ARM gives it where that is fixed (the mapping's platform defaults, at the resource's api-version where they
 * depend on it: https_traffic_only_enabled, purge_protection_enabled false, ...) and is otherwise left out. A value that is not static stays unknown.
 */

/** One resource of a template, with its expressions evaluated. */
export interface TemplateResource {
  /** The full ARM type, e.g. `Microsoft.Sql/servers/databases`. */
  armType: string;
  /** The resource's `apiVersion`, or its provider's in the template's `apiProfile`. */
  apiVersion?: Value;
  /** The resource's own name: the last segment of its full name (`db` for `server/db`). */
  name: Value;
  location?: Value;
  kind?: Value;
  tags?: Value;
  sku?: Value;
  identity?: Value;
  properties?: Value;
  /** The extension resource's `scope` property. */
  scope?: Value;
}

export interface CanonicalResource {
  type: string;
  attributes: Record<string, Value>;
}

/** The canonical resource, or undefined for a type (or kind) driftwarden does not map. ARM types are case-insensitive. */
export function mapTemplateResource(resource: TemplateResource): CanonicalResource | undefined {
  const { armType, apiVersion, ...shape } = resource;
  const mapped = mapArmResource(
    { ...shape, type: armType },
    { template: true, ...(typeof apiVersion === 'string' ? { apiVersion } : {}) },
  );
  return mapped && { type: mapped.terraformType, attributes: mapped.attributes };
}

/** True when the type has a mapping: other resources need not be evaluated. */
export function isMapped(armType: string): boolean {
  return isArmTypeMapped(armType);
}

/**
 * Child resources that hold settings ARM's shape carries on the parent, under the property the live connector
 * attaches them to (connectors/azure/read.ts `withChildren`): a database's `transparentDataEncryption/current` and
 * a site's `config/web`. So one mapping reads one shape, whichever side it comes from.
 */
const CHILD_DOCUMENTS: ReadonlyMap<string, { property: string; name?: string }> = new Map([
  ['microsoft.sql/servers/databases/transparentdataencryption', { property: 'transparentDataEncryption' }],
  ['microsoft.web/sites/config', { property: 'siteConfig', name: 'web' }],
]);

/** The parent property a child resource's properties go under, or undefined when it is no such child. */
export function childDocumentProperty(armType: string, ownName: Value): string | undefined {
  const child = CHILD_DOCUMENTS.get(armType.toLowerCase());
  if (!child || child.name === undefined) return child?.property;
  const name = typeof ownName === 'string' ? ownName.slice(ownName.lastIndexOf('/') + 1) : undefined;
  return name?.toLowerCase() === child.name ? child.property : undefined;
}

export interface ChildDocument {
  property: string;
  /** The child's evaluated properties. */
  properties: Value | undefined;
}

/**
 * The resource with each child's properties put under its property of the parent's (over what the parent sets
 * there itself, as the child is deployed after it). Properties that are not static stay unknown.
 */
export function withChildDocuments(
  resource: TemplateResource,
  children: readonly ChildDocument[],
): TemplateResource {
  const { properties } = resource;
  if (children.length === 0 || isUnknown(properties)) return resource;
  if (properties !== undefined && properties !== null && !isPlainObject(properties)) return resource;
  const merged: Record<string, Value> = { ...(properties ?? {}) };
  for (const child of children) {
    const key = ownKey(merged, child.property) ?? child.property;
    setOwn(merged, key, overlay(merged[key], child.properties ?? {}));
  }
  return { ...resource, properties: merged };
}

/** `over`'s fields over `under`'s, names compared case-insensitively as ARM compares them. */
function overlay(under: Value | undefined, over: Value): Value {
  if (under === undefined || under === null) return over;
  if (!isPlainObject(under) || isUnknown(under) || !isPlainObject(over) || isUnknown(over))
    return unknown('expression');
  const out: Record<string, Value> = { ...under };
  for (const [name, value] of Object.entries(over)) {
    const existing = ownKey(out, name);
    if (existing !== undefined) delete out[existing];
    setOwn(out, name, value);
  }
  return out;
}

function ownKey(object: Record<string, Value>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}
