import { distance } from 'fastest-levenshtein';

/**
 * The candidate a misspelt word most likely meant, or undefined when none is close: `--stat` for `--state`,
 * `fail-on` for the config key `failOn`. Case, `-` and `_` are ignored first (a flag's spelling of a camelCase
 * key is the key), then a word the misspelling starts (3 letters or more), then the nearest by edit distance
 * within a third of the word's length (at least 1, at most 3), a swap of two neighbouring letters (`scna`)
 * counting 1, as git and cargo suggest. A tie goes to the earlier candidate, so the answer never depends on luck.
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
    const near = isSwap(wanted, folded) ? 1 : distance(wanted, folded);
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

/** `scna` for `scan`: one pair of neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [first, second] = differ;
  return (
    differ.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '');
}
