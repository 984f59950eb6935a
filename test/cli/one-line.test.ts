import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/cli/one-line.js';

describe('stderr lines', () => {
  it('keep every control character, escape sequence and lone surrogate visible and inert, on one line', () => {
    expect(oneLine('bad\nfile\r.tfstate')).toBe('bad\\u000afile\\u000d.tfstate');
    expect(oneLine('\u001b]8;;https://evil\u0007click\u001b]8;;\u0007')).toBe(
      '\\u001b]8;;https://evil\\u0007click\\u001b]8;;\\u0007',
    );
    expect(oneLine('c1 \u009b31m csi')).toBe('c1 \\u009b31m csi');
    expect(oneLine('lone \ud800 and pair 😀')).toBe('lone \\ud800 and pair 😀');
  });

  it('redact secret-shaped spans', () => {
    expect(oneLine('cannot read s3://bucket/key with AKIAIOSFODNN7EXAMPLE')).not.toContain(
      'AKIAIOSFODNN7EXAMPLE',
    );
  });
});
