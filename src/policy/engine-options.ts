/**
 * The engine's options and their defaults, apart from the engine: the CLI's scan-prewarm.ts reads the workers' heap
 * size to start the policy worker before the scan loads, and importing engine.ts for it brought the type catalogue
 * and zod (policy-input.ts reads the types), 700 KB to compile and run before the worker could start.
 */
export interface EngineOptions {
  /** The most linear memory one Wasm instance may grow to. A rule that needs more fails alone. */
  memoryLimitMiB: number;
  /** Resources per evaluation. Chosen by measurement: see BENCHMARKS.md. */
  batchSize: number;
  /** How long one rule may run over all its batches before it is stopped and reported. */
  ruleTimeoutMs: number;
  /** How long all the rules of a scan may run together; those not finished by then are reported. */
  scanTimeoutMs: number;
  /** Evaluation workers (threads) running rules side by side, at most. */
  workers: number;
  /** Below this much serialised input, one worker runs every rule: a second costs more to start than it saves. */
  parallelInputBytes: number;
  /** The JavaScript heap of each worker (opa-wasm's builtins and the results); Wasm memory is memoryLimitMiB. */
  workerHeapMiB: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  memoryLimitMiB: 512,
  batchSize: 100,
  ruleTimeoutMs: 10_000,
  scanTimeoutMs: 120_000,
  workers: 2,
  parallelInputBytes: 4 * 1024 * 1024,
  workerHeapMiB: 256,
};
