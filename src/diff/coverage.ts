/** Which canonical types (and which single keys) the live side can speak for. Outside it is "not compared". */
export interface Coverage {
  covers(type: string, key?: string): boolean;
}

export function coverageOf(
  sources: readonly (readonly string[] | '*')[],
  keys: Iterable<string> = [],
): Coverage {
  if (sources.some((types) => types === '*')) return { covers: () => true };
  const types = new Set<string>();
  for (const list of sources) if (list !== '*') for (const type of list) types.add(type);
  const coveredKeys = new Set(keys);
  return { covers: (type, key) => types.has(type) || (key !== undefined && coveredKeys.has(key)) };
}
