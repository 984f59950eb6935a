/** Which canonical types the live side can speak for. A declared type outside it is "not compared". */
export interface Coverage {
  covers(type: string): boolean;
}

export function coverageOf(sources: readonly (readonly string[] | '*')[]): Coverage {
  if (sources.some((types) => types === '*')) return { covers: () => true };
  const types = new Set<string>();
  for (const list of sources) if (list !== '*') for (const type of list) types.add(type);
  return { covers: (type) => types.has(type) };
}
