import { distance } from 'fastest-levenshtein';

/**
 * The candidate a misspelt word most likely meant, or undefined when none is close: `--stat` for `--state`,
 * `fail-on` for the config key `failOn`. Case, `-` and `_` are ignored first (a flag's spelling of a camelCase
 * key is the key), then the nearest by edit distance within a third of the word's length (at least 1, at most 3),
 * as git and cargo suggest; a tie goes to the earlier candidate, so the answer never depends on luck.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const wanted = fold(word);
  if (wanted === '') return undefined;
  const exact = candidates.find((candidate) => fold(candidate) === wanted);
  if (exact !== undefined) return exact;
  const bound = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = bound + 1;
  for (const candidate of candidates) {
    const folded = fold(candidate);
    const near = distance(wanted, folded);
    const prefix = folded.startsWith(wanted) && wanted.length >= 3;
    const score = prefix ? Math.min(near, 1) : near;
    if (score < bestDistance) {
      best = candidate;
      bestDistance = score;
    }
  }
  return best;
}

/** ` (did you mean "state"?)`, or nothing: appended to the message that names the unknown word. */
export function suggestion(
  word: string,
  candidates: readonly string[],
  show: (candidate: string) => string = (candidate) => `"${candidate}"`,
): string {
  const near = didYouMean(word, candidates);
  return near === undefined ? '' : ` (did you mean ${show(near)}?)`;
}

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '');
}
