import { posix } from 'node:path';

/** One path of a git listing: a file, a symbolic link (mode 120000), a submodule. */
export interface ListedEntry {
  path: string;
  mode: string;
  /** The blob's object id, at a ref. */
  object?: string;
  /** From the tree listing, at a ref. */
  size?: number;
  /** Where a file reached through a symbolic link is listed: its own path is the link's. */
  source?: string;
}

/** Links followed from one link, a chain (`a -> b -> c`) or links inside a linked directory. */
export const LINK_HOPS = 8;

/** Paths that links may add to the listing: a few links to a large directory must not multiply it without end. */
export const LINKED_PATHS = 100_000;

const LINK = '120000';

/**
 * Symbolic links inside the repository are followed as Terraform (and the file system) follows them: a link to a
 * file is that file under the link's path, a link to a directory is the directory's files under the link's path
 * (`modules/shared/main.tf` for `modules/shared -> ../common/shared`), so a module source through it is read.
 * Only the listing is consulted, never the file system, so a target is what git lists (tracked, or untracked and
 * not ignored) at the same ref. A link that leads out of the repository, to nothing it holds, or round in a loop
 * (or past LINK_HOPS) is refused: `problems` names it, when it could hold code (`mayHoldCode`: its name matches
 * the code globs, or it has no extension, as a directory would).
 */
export function followLinks(
  entries: readonly ListedEntry[],
  targets: ReadonlyMap<string, string>,
  mayHoldCode: (path: string) => boolean,
): { entries: ListedEntry[]; problems: { path: string; message: string }[] } {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let added = 0;
  const out: ListedEntry[] = [];
  const problems: { path: string; message: string }[] = [];
  const expand = (link: string, target: string, hops: number): string | undefined => {
    if (hops > LINK_HOPS) return `symbolic link chains past ${LINK_HOPS} links; not followed`;
    const resolved = resolveTarget(link, target);
    if (resolved === undefined) return 'symbolic link leads outside the repository; not followed';
    if (resolved === '.' || resolved === link || link.startsWith(`${resolved}/`))
      return 'symbolic link loops back to itself or a directory it is in; not followed';
    const entry = byPath.get(resolved);
    if (entry && entry.mode !== LINK) {
      added++;
      out.push({ ...entry, path: link, source: entry.source ?? entry.path });
      return undefined;
    }
    if (entry) return expand(link, targets.get(resolved) ?? '', hops + 1);
    const inside = under(sorted, `${resolved}/`);
    if (inside.length === 0) return 'symbolic link to a path the repository does not hold; not followed';
    added += inside.length;
    if (added > LINKED_PATHS)
      return `symbolic links add more than ${LINKED_PATHS.toLocaleString('en')} paths; not followed`;
    for (const e of inside) {
      const path = `${link}${e.path.slice(resolved.length)}`;
      if (e.mode !== LINK) out.push({ ...e, path, source: e.source ?? e.path });
      else {
        const problem = expand(path, targets.get(e.path) ?? '', hops + 1);
        if (problem !== undefined) return problem;
      }
    }
    return undefined;
  };
  for (const entry of entries) {
    if (entry.mode !== LINK) {
      out.push(entry);
      continue;
    }
    const problem = expand(entry.path, targets.get(entry.path) ?? '', 0);
    if (problem !== undefined && mayHoldCode(entry.path))
      problems.push({ path: entry.path, message: problem });
  }
  return { entries: out, problems };
}

/** The repository path a link's target names (`.` for the top), or undefined when it leaves the repository. */
function resolveTarget(link: string, target: string): string | undefined {
  if (target === '' || target.startsWith('/') || target.includes('\0')) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(link), target)).replace(/\/+$/, '');
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return resolved === '' ? '.' : resolved;
}

/** The entries whose paths start with `prefix`, found by binary search in the listing sorted by path. */
function under(sorted: readonly ListedEntry[], prefix: string): ListedEntry[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as ListedEntry).path < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && (sorted[end] as ListedEntry).path.startsWith(prefix)) end++;
  return sorted.slice(low, end);
}
