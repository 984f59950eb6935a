import { describe, expect, it } from 'vitest';
import { createProgress, readProgress, steadyProgress } from '../../src/policy/progress.js';

describe('the progress cells of an evaluation worker', () => {
  it('read as no rule before the worker writes them', () => {
    expect(readProgress(createProgress())).toEqual({ rule: -1, batch: 0, deadline: 0 });
  });

  it('read as what the worker wrote last', () => {
    const buffer = createProgress();
    new Int32Array(buffer).set([2, 3, 7, 1500]);
    expect(readProgress(buffer)).toEqual({ rule: 3, batch: 7, deadline: 1500 });
  });

  it('still read when the worker was stopped in the middle of a write, rather than waiting for it forever', () => {
    const buffer = createProgress();
    new Int32Array(buffer).set([5, 1, 0, 250]);
    expect(readProgress(buffer)).toEqual({ rule: 1, batch: 0, deadline: 250 });
  });

  it('are no reading to decide a ceiling on while a write is under way (a new rule, its deadline not yet written)', () => {
    const buffer = createProgress();
    new Int32Array(buffer).set([5, 1, 0, 0]);
    expect(steadyProgress(buffer)).toBeUndefined();
    new Int32Array(buffer)[0] = 6;
    expect(steadyProgress(buffer)).toEqual({ rule: 1, batch: 0, deadline: 0 });
  });
});
