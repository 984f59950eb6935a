/*
 * ARM resource ids, as this connector reads them: the subscription a resource belongs to, its resource group. The
 * mappings themselves live in the type catalogue (src/model/types/azurerm), which reads ids its own way.
 *
 * ARM compares ids case-insensitively and does not keep one casing: the same storage account shows up as
 * `/resourceGroups/` from GET and `/resourcegroups/` inside another resource's payload. So segment names match
 * case-insensitively, and values keep the casing they were given.
 */

function valueAfter(id: string, name: string): string | undefined {
  const segments = id.split('/').filter((segment) => segment !== '');
  const index = segments.findIndex((segment) => segment.toLowerCase() === name);
  return index >= 0 ? segments[index + 1] : undefined;
}

/** `/subscriptions/<sub>/...` -> `<sub>`. */
export function subscriptionOf(id: string): string | undefined {
  return valueAfter(id, 'subscriptions');
}

/** `.../resourceGroups/<rg>/...` -> `<rg>`. */
export function resourceGroupOf(id: string): string | undefined {
  return valueAfter(id, 'resourcegroups');
}
