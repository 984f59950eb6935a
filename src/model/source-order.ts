import { formatPath, type PathSegment, parsePath } from './path.js';

/**
 * Lists a normalisation pass reordered (a policy document's statements, sorted so that two sources compare
 * equal): the list's path -> for each element of the canonical copy, its index in the source. A rule judges the
 * canonical copy, and a finding's path is put back in the source's order before anyone reads it.
 */
export type SourceOrder = Map<string, readonly number[]>;

/** Records a reordering, unless it left every element where it was. */
export function recordOrder(
  order: SourceOrder,
  list: readonly PathSegment[],
  sourceIndex: readonly number[],
) {
  if (sourceIndex.some((source, canonical) => source !== canonical)) order.set(formatPath(list), sourceIndex);
}

/** `policy.Statement[1]` in the canonical copy -> `policy.Statement[0]` when that statement came first. */
export function inSourceOrder(path: string, order: SourceOrder | undefined): string {
  if (!order || order.size === 0) return path;
  let segments: PathSegment[];
  try {
    segments = parsePath(path);
  } catch {
    return path;
  }
  let changed = false;
  for (let i = 1; i < segments.length; i++) {
    const index = segments[i];
    if (typeof index !== 'number') continue;
    const source = order.get(formatPath(segments.slice(0, i)))?.[index];
    if (source !== undefined && source !== index) {
      segments[i] = source;
      changed = true;
    }
  }
  return changed ? formatPath(segments) : path;
}
