/**
 * How long the main thread works before it lets its event loop run. While the evaluation workers run rules, a worker
 * that finishes its job waits for the main thread to hand it the next one (src/policy/schedule.ts); a scan's long
 * loops (masking, normalising, encoding, classifying) would otherwise keep it waiting until they end.
 */
const TURN_MS = 20;

/** Items a loop handles between two looks at the clock (eachInTurns: one resource an item). */
const CHECK_EVERY = 64;

export interface Turns {
  /** Call once per item; resolves at once but for every TURN_MS of work, when the event loop runs first. */
  next(): Promise<void> | undefined;
}

/** `checkEvery`: how many items between two looks at the clock. */
export function createTurns(checkEvery = CHECK_EVERY): Turns {
  let last = performance.now();
  let count = 0;
  return {
    next() {
      if (++count % checkEvery !== 0 || performance.now() - last < TURN_MS) return undefined;
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        last = performance.now();
      });
    },
  };
}

/**
 * Runs `steps` (a generator that yields between items) to its result, letting the event loop run between turns.
 * The clock is read at every step: a step is already many items (classify's thousand resources, an encoded batch).
 */
export async function inTurns<T>(steps: Generator<void, T>): Promise<T> {
  const turns = createTurns(1);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const turn = turns.next();
    if (turn) await turn;
  }
}

/** Calls `each` on every item, letting the event loop run between turns. */
export async function eachInTurns<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
  const turns = createTurns();
  for (const item of items) {
    each(item);
    const turn = turns.next();
    if (turn) await turn;
  }
}
