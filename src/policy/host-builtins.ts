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
 * The format and its arguments are read from the Wasm heap as they are, and the result is written there as a string
 * value, without dumping either to JSON text and parsing it back (which still took 2 of the 7 s the rules spent on
 * the workers in the 100k scan). The layout is OPA's `opa_string_t`, `opa_number_t` and `opa_array_t` on wasm32
 * (open-policy-agent/opa, wasm/src/value.h): a one-byte type tag, then the fields at 4-byte offsets; anything else
 * (an object, a float, a set) is read through opa-wasm's dump as before.
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
      // value.h: OPA_NUMBER 3, OPA_STRING 4, OPA_ARRAY 5, OPA_STRING_INTERNED 8 (the same layout as a string);
      // OPA_NUMBER_REPR_INT 1 (a long long at offset 8), OPA_NUMBER_REPR_REF 2 (its JSON text: pointer, length).
      // The paths and names sprintf formats are short and ASCII: those are copied by character, which costs less
      // than a call into TextDecoder or TextEncoder; anything else goes through them.
      const text = (heap: DataView, bytes: number, length: number): string => {
        const view = new Uint8Array(heap.buffer, heap.getUint32(bytes, true), heap.getUint32(length, true));
        if (view.length > 256) return decoder.decode(view);
        for (let index = 0; index < view.length; index++)
          if ((view[index] ?? 0) > 0x7f) return decoder.decode(view);
        return String.fromCharCode.apply(null, view as unknown as number[]);
      };
      const ascii = (value: string): boolean => {
        for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) > 0x7f) return false;
        return true;
      };
      const scalar = (heap: DataView, addr: number): string | number | undefined => {
        const type = heap.getUint8(addr);
        if (type === 4 || type === 8) return text(heap, addr + 8, addr + 4);
        if (type !== 3) return undefined;
        const repr = heap.getUint8(addr + 1);
        if (repr === 1) return Number(heap.getBigInt64(addr + 8, true));
        // The number's JSON text, which Number reads as JSON.parse does.
        return repr === 2 ? Number(text(heap, addr + 8, addr + 12)) : undefined;
      };
      const list = (heap: DataView, addr: number): unknown[] | undefined => {
        if (heap.getUint8(addr) !== 5) return undefined;
        const elems = heap.getUint32(addr + 4, true);
        const items: unknown[] = [];
        for (let index = 0, length = heap.getUint32(addr + 8, true); index < length; index++) {
          const item = scalar(heap, heap.getUint32(elems + index * 8 + 4, true));
          if (item === undefined) return undefined;
          items.push(item);
        }
        return items;
      };
      const builtins = read(wasm.builtins?.() ?? 0) as Record<string, unknown> | null;
      const sprintf = builtins?.sprintf;
      if (typeof sprintf !== 'number') return instance;
      answered = (id, pattern, args) => {
        if (id !== sprintf) return undefined;
        const heap = new DataView(memory.buffer);
        const values = list(heap, args);
        const result = values && format(scalar(heap, pattern), values);
        if (result === undefined) return undefined;
        const encoded = ascii(result) ? undefined : encoder.encode(result);
        const length = encoded?.length ?? result.length;
        // One block: the opa_string_t (type, free = 0: its bytes are not a block of their own, length, pointer),
        // then the bytes; opa_malloc may grow the memory, so the views are taken after it.
        const addr = wasm.opa_malloc?.(12 + length) ?? 0;
        if (addr === 0) throw 'failed to allocate the sprintf result';
        const written = new DataView(memory.buffer);
        written.setUint8(addr, 4);
        written.setUint8(addr + 1, 0);
        written.setUint32(addr + 4, length, true);
        written.setUint32(addr + 8, addr + 12, true);
        const bytes = new Uint8Array(memory.buffer, addr + 12, length);
        if (encoded) bytes.set(encoded);
        else for (let index = 0; index < length; index++) bytes[index] = result.charCodeAt(index);
        return addr;
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
