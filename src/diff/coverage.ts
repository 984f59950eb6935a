import type { SourceCoverage } from '../model/coverage.js';

/** Which canonical types (and which single keys) the live side can speak for. Outside it is "not compared". */
export interface Coverage {
  covers(type: string, key?: string): boolean;
}

export type { SourceCoverage } from '../model/coverage.js';

export function coverageOf(sources: readonly SourceCoverage[]): Coverage {
  if (sources.some((source) => source.types === '*')) return { covers: () => true };
  const types = new Set<string>();
  const keys = new Set<string>();
  const prefixes: string[] = [];
  for (const source of sources) {
    if (source.types !== '*') for (const type of source.types) types.add(type);
    for (const key of source.keys ?? []) keys.add(key);
    prefixes.push(...(source.prefixes ?? []));
  }
  return {
    covers: (type, key) =>
      types.has(type) ||
      (key !== undefined && (keys.has(key) || prefixes.some((prefix) => key.startsWith(prefix)))),
  };
}
