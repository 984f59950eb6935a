import { describe, expect, it } from 'vitest';
import { eachInTurns, inTurns } from '../../src/util/turns.js';

/** Busy for `ms`: the work of a loop that never awaits. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe('a long loop in turns', () => {
  it('lets the event loop run while it works, and handles every item in order', async () => {
    const seen: number[] = [];
    let ranDuring = -1;
    setImmediate(() => {
      ranDuring = seen.length;
    });
    const items = Array.from({ length: 256 }, (_, index) => index);
    await eachInTurns(items, (item) => {
      seen.push(item);
      work(0.5);
    });
    expect(seen).toEqual(items);
    // 256 items of half a millisecond: the immediate ran before the last item, not after the loop.
    expect(ranDuring).toBeGreaterThan(0);
    expect(ranDuring).toBeLessThan(items.length);
  });

  it('drives steps to their result', async () => {
    function* steps(): Generator<void, number> {
      let total = 0;
      for (let n = 1; n <= 200; n++) {
        total += n;
        work(0.5);
        yield;
      }
      return total;
    }
    let ranDuring = false;
    let done = false;
    setImmediate(() => {
      ranDuring = !done;
    });
    const total = await inTurns(steps());
    done = true;
    expect(total).toBe(20_100);
    expect(ranDuring).toBe(true);
  });

  it('looks at the clock at every step of coarse steps, not every 64 of them', async () => {
    let stepsRun = 0;
    function* steps(): Generator<void, void> {
      // 40 steps of 2 ms each, as classify's steps of a thousand resources are.
      for (let n = 0; n < 40; n++) {
        work(2);
        stepsRun++;
        yield;
      }
    }
    let ranAfter = -1;
    setImmediate(() => {
      ranAfter = stepsRun;
    });
    await inTurns(steps());
    // The event loop ran after about 20 ms of steps (TURN_MS), well before the last step.
    expect(ranAfter).toBeGreaterThan(0);
    expect(ranAfter).toBeLessThan(40);
  });
});
