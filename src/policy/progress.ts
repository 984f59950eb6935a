/**
 * Which rule of a job an evaluation worker is evaluating, and until when it may run, in four Int32 cells of shared
 * memory that the worker writes (worker.ts, `mark`) and the main thread reads while it waits: a sequence number,
 * odd while the worker is changing the cells; the rule's index in the job (-1 between evaluations); the batch; and
 * the time, in ms after the job's epoch, past which the rule has run over its ceiling (its time on the earlier
 * batches counted). The main thread can then stop the one rule past its ceiling and run the others again.
 */
export interface Progress {
  rule: number;
  batch: number;
  deadline: number;
}

const CELLS = 4;

export function createProgress(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(CELLS * Int32Array.BYTES_PER_ELEMENT);
  new Int32Array(buffer)[1] = -1;
  return buffer;
}

/** Readings tried before the last one is taken as it is: a worker stopped mid-write never finishes the write. */
const MAX_READS = 1000;

/** A consistent reading: the cells are read again while the worker is between two writes of them. */
export function readProgress(buffer: SharedArrayBuffer): Progress {
  return steadyProgress(buffer) ?? readCells(new Int32Array(buffer));
}

/**
 * A consistent reading, or undefined while a write is still under way: a worker descheduled in the middle of one
 * (two cores, more threads) has written its next rule but not yet that rule's deadline, which read as it is would
 * stop a rule that has just started. Whoever decides a ceiling on it asks again a little later.
 */
export function steadyProgress(buffer: SharedArrayBuffer): Progress | undefined {
  const cells = new Int32Array(buffer);
  for (let attempt = 0; attempt < MAX_READS; attempt++) {
    const before = Atomics.load(cells, 0);
    const progress = readCells(cells);
    if (before % 2 === 0 && Atomics.load(cells, 0) === before) return progress;
  }
  return undefined;
}

function readCells(cells: Int32Array): Progress {
  return { rule: Atomics.load(cells, 1), batch: Atomics.load(cells, 2), deadline: Atomics.load(cells, 3) };
}

/** The clock both threads share: ms since `epoch`, on the wall-clock time line both performance origins are on. */
export function sinceEpoch(epoch: number): number {
  return performance.timeOrigin + performance.now() - epoch;
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
