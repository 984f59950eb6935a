import { DEFAULT_ENGINE_OPTIONS } from '../policy/engine-options.js';
import { locateOpaWasm, prewarm } from '../policy/worker-pool.js';

/**
 * Starts the policy evaluation worker before the scan's modules load, the worker the engine's `prepare()` would
 * otherwise start once the sources are being read: a worker takes tens of milliseconds to start (a Node thread,
 * then opa-wasm), which now overlap with loading the scan on the main thread instead of following it. The engine
 * takes it from the idle pool (same heap and opa-wasm). A scan that runs no rule leaves it idle: it never keeps the
 * process alive, and costs only its start, on another core.
 */
export function prewarmScan(args: readonly string[]): void {
  if (args.includes('--help') || args.includes('-h')) return;
  const opaWasm = locateOpaWasm();
  if (opaWasm) prewarm(1, DEFAULT_ENGINE_OPTIONS.workerHeapMiB, opaWasm);
}
