declare module 'json-diff' {
  /** Returns undefined when equal; see https://github.com/andreyvit/json-diff for the result shape. */
  export function diff(a: unknown, b: unknown, options?: { full?: boolean; sort?: boolean }): unknown;
}
