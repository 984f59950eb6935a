/*
 * ARM ids as the azurerm modules read them. ARM compares ids case-insensitively and keeps whatever casing an id
 * was written with, so segment names match case-insensitively and values keep their casing.
 */

function segmentsOf(id: string): string[] {
  return id.split('/').filter((segment) => segment !== '');
}

/**
 * The id one level up: a child resource's parent (`.../servers/s/databases/d` -> `.../servers/s`), a top-level or
 * extension resource's scope (`/subscriptions/x/providers/NS/type/n` -> `/subscriptions/x`). Undefined at the root.
 */
export function parentIdOf(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const segments = segmentsOf(id);
  const providers = segments.findLastIndex((segment) => segment.toLowerCase() === 'providers');
  if (providers >= 0) {
    // After `providers`: the namespace, then type/name pairs. One pair means the parent is the scope.
    const pairs = Math.floor((segments.length - providers - 2) / 2);
    if (pairs > 1) return `/${segments.slice(0, -2).join('/')}`;
    return providers === 0 ? undefined : `/${segments.slice(0, providers).join('/')}`;
  }
  return segments.length <= 2 ? undefined : `/${segments.slice(0, -2).join('/')}`;
}

/**
 * The provider writes the resource-group part of ids it stores in canonical casing (commonids `ID()`), while ARM
 * returns whatever casing the id was written with.
 */
export function canonicalResourceGroupCasing(id: string): string {
  return id.replace(/^(\/subscriptions\/[^/]+\/)resourcegroups\//i, '$1resourceGroups/');
}
