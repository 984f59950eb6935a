import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Measured {
  ms: number;
  peakMiB: number;
  code: number;
  stdout: string;
}

/** Runs a command and samples its peak resident memory (VmHWM) from /proc while it runs. */
export function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (c) => {
      stdout += String(c);
    });
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // exited
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(sample);
      resolve({
        ms: Math.round(performance.now() - started),
        peakMiB: Math.round(peak / 1024),
        code: code ?? -1,
        stdout,
      });
    });
  });
}
