/** Which canonical types (and which single keys) the live side can speak for. Outside it is "not compared". */
export interface Coverage {
  covers(type: string, key?: string): boolean;
}

/** What one live source speaks for: a declared resource it covers and does not report is missing. */
export interface SourceCoverage {
  /** The canonical types it records in full, or `*` for all. */
  types: readonly string[] | '*';
  /**
   * Single resources it speaks for beyond those types, by key: a refresh-only plan knows the objects of its own
   * state, not every object of their types.
   */
  keys?: readonly string[];
}

export function coverageOf(sources: readonly SourceCoverage[]): Coverage {
  if (sources.some((source) => source.types === '*')) return { covers: () => true };
  const types = new Set<string>();
  const keys = new Set<string>();
  for (const source of sources) {
    if (source.types !== '*') for (const type of source.types) types.add(type);
    for (const key of source.keys ?? []) keys.add(key);
  }
  return { covers: (type, key) => types.has(type) || (key !== undefined && keys.has(key)) };
}
