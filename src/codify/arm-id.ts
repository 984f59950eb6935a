/*
 * azurerm parses import ids case-sensitively in their fixed segments: `resourcegroups` for `resourceGroups`, or
 * `microsoft.operationalinsights` for `Microsoft.OperationalInsights`, fails the import ("parsing segment
 * staticResourceGroups", hashicorp/terraform-provider-azurerm#28084, #32228, #13361), while Azure itself hands out
 * ids in either casing (the portal's JSON view, Resource Graph). Only the fixed segments are re-cased: names keep
 * the casing the cloud gave them.
 */

const KEYWORDS: Readonly<Record<string, string>> = {
  subscriptions: 'subscriptions',
  resourcegroups: 'resourceGroups',
  providers: 'providers',
};

/**
 * An ARM id with its fixed segments in the casing azurerm's id parsers expect: `subscriptions`, `resourceGroups`,
 * `providers`, and, in the resource's own (last) provider section, the namespace and type names of `armType`
 * (`Microsoft.Storage/storageAccounts/blobServices/containers`), as the catalogue spells them after the REST API
 * specs. A scope before an extension resource's own section (a role assignment on a storage account) keeps its
 * casing but for the keywords. Composite import ids (`{id}|{scope}`) are re-cased part by part.
 */
export function canonicalArmId(id: string, armType: string | undefined): string {
  if (id.includes('|'))
    return id
      .split('|')
      .map((part) => canonicalArmId(part, armType))
      .join('|');
  if (!id.startsWith('/')) return id;
  const segments = id.split('/');
  const lastProviders = segments.findLastIndex(
    (segment, index) => index % 2 === 1 && segment.toLowerCase() === 'providers',
  );
  for (let index = 1; index < segments.length; index += 2) {
    const keyword = KEYWORDS[(segments[index] ?? '').toLowerCase()];
    if (keyword === undefined) continue;
    // Keys sit at odd positions throughout: `providers/<namespace>` is followed by `<type>/<name>` pairs.
    segments[index] = keyword;
  }
  if (armType !== undefined && lastProviders > 0) recaseProviderSection(segments, lastProviders, armType);
  return segments.join('/');
}

/** `providers/<namespace>/<type>/<name>/<type>/<name>...`: the namespace and the types, where they match. */
function recaseProviderSection(segments: string[], providers: number, armType: string): void {
  const [namespace, ...types] = armType.split('/');
  const at = providers + 1;
  if (namespace === undefined || segments[at]?.toLowerCase() !== namespace.toLowerCase()) return;
  segments[at] = namespace;
  types.forEach((type, position) => {
    const index = at + 1 + position * 2;
    if (segments[index]?.toLowerCase() === type.toLowerCase()) segments[index] = type;
  });
}
