import type { Location } from './report.js';
import type { SourceRef } from './resource.js';

/** The report's structured location of a resource: a local file (and line), or the remote place it was read. */
export function locationOf(source: SourceRef): Location {
  const line = source.line === undefined ? {} : { line: source.line };
  return source.file === undefined ? { uri: source.location, ...line } : { file: source.file, ...line };
}

/**
 * A live resource's location, pointing also at the file that declares it: a finding on the cloud's copy of a
 * declared resource belongs to that file in code review and code scanning.
 */
export function withDeclaration(own: Location | undefined, declared: SourceRef): Location | undefined {
  if (declared.file === undefined) return own;
  const line = declared.line === undefined ? {} : { line: declared.line };
  return { file: declared.file, ...line, ...(own?.uri === undefined ? {} : { uri: own.uri }) };
}

/** `file:line`, the file, or the uri: how people read a location in text. */
export function formatLocation(location: Location | undefined): string {
  if (!location) return '';
  const where = location.file ?? location.uri ?? '';
  return location.line === undefined ? where : `${where}:${location.line}`;
}
