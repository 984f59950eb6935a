import type { loadPolicySync } from '@open-policy-agent/opa-wasm';

/**
 * opa-wasm runs the builtins the Wasm target lacks (sprintf, regex.split) in JavaScript, and each call goes through
 * its generic bridge: every argument dumped as JSON text and read back byte by byte, the result encoded with a new
 * TextEncoder. The library calls sprintf for the path of every statement of every policy document each IAM rule
 * reads, and a CPU profile of the built-in rules on 10k resources spent more than half their time in that bridge.
 * `withFastSprintf` wraps opa-wasm's loader so that sprintf calls whose format holds only `%s`, `%d` and `%%` over
 * strings and safe integers are answered here, with what sprintf-js (opa-wasm's sprintf) gives for them; every
 * other call, and every other builtin, goes to opa-wasm as before.
 *
 * The worker runs this function from its source text (see worker.ts): it uses only its parameters and globals.
 */
export function withFastSprintf(load: typeof loadPolicySync): typeof loadPolicySync {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  // sprintf-js: %s is String(arg), %d is parseInt(arg, 10), %% is "%"; anything else is not answered here.
  const format = (pattern: unknown, args: unknown): string | undefined => {
    if (typeof pattern !== 'string' || !Array.isArray(args)) return undefined;
    let output = '';
    let from = 0;
    let next = 0;
    for (let at = pattern.indexOf('%'); at >= 0; at = pattern.indexOf('%', from)) {
      const verb = pattern[at + 1];
      output += pattern.slice(from, at);
      from = at + 2;
      if (verb === '%') {
        output += '%';
        continue;
      }
      const arg: unknown = args[next++];
      if (verb === 's' && typeof arg === 'string') output += arg;
      else if ((verb === 's' || verb === 'd') && typeof arg === 'number' && Number.isSafeInteger(arg))
        output += String(arg);
      else return undefined;
    }
    return output + pattern.slice(from);
  };
  return (module, memoryDescriptor, customBuiltins) => {
    const Instance = WebAssembly.Instance;
    let answered: ((id: number, pattern: number, args: number) => number | undefined) | undefined;
    // loadPolicySync builds its imports and instantiates synchronously: the constructor is swapped only meanwhile.
    const wrapping = function (this: unknown, compiled: WebAssembly.Module, imports: WebAssembly.Imports) {
      const env = imports.env as Record<string, unknown>;
      const memory = env.memory as WebAssembly.Memory;
      const generic = env.opa_builtin2 as (id: number, ctx: number, a: number, b: number) => number;
      env.opa_builtin2 = (id: number, ctx: number, a: number, b: number) =>
        answered?.(id, a, b) ?? generic(id, ctx, a, b);
      const instance = new Instance(compiled, imports);
      const wasm = instance.exports as Record<string, (...args: number[]) => number>;
      const read = (addr: number): unknown => {
        const raw = wasm.opa_json_dump?.(addr) ?? 0;
        const bytes = new Uint8Array(memory.buffer);
        const end = bytes.indexOf(0, raw);
        return JSON.parse(decoder.decode(bytes.subarray(raw, end < 0 ? bytes.length : end)));
      };
      const builtins = read(wasm.builtins?.() ?? 0) as Record<string, unknown> | null;
      const sprintf = builtins?.sprintf;
      if (typeof sprintf !== 'number') return instance;
      answered = (id, pattern, args) => {
        if (id !== sprintf) return undefined;
        const text = format(read(pattern), read(args));
        if (text === undefined) return undefined;
        const encoded = encoder.encode(JSON.stringify(text));
        const addr = wasm.opa_malloc?.(encoded.length) ?? 0;
        new Uint8Array(memory.buffer).set(encoded, addr);
        const value = wasm.opa_json_parse?.(addr, encoded.length) ?? 0;
        if (value === 0) throw 'failed to parse json value';
        return value;
      };
      return instance;
    };
    WebAssembly.Instance = wrapping as unknown as typeof WebAssembly.Instance;
    try {
      return load(module, memoryDescriptor, customBuiltins);
    } finally {
      WebAssembly.Instance = Instance;
    }
  };
}
