import type { Value } from '../../src/model/value.js';

/**
 * The bounds on what a repository may make the connector do. Code comes from pull requests, so each way a small
 * file can ask for a lot of work (a huge count, a module calling itself, an alias bomb, a value doubling itself) is
 * capped here, checked before the work is done, and reported at file:line; the scan is then incomplete. The values
 * are documented in README.md (a test keeps the two in step).
 */
export const LIMITS = {
  /** Bytes of one file (one CloudFormation template, whatever its extension); larger files are skipped. */
  fileBytes: 2 * 1024 * 1024,
  /**
   * Bytes of one `.json` file: ARM templates compiled from Bicep often pass 2 MiB (each module is inlined as a
   * nested deployment), and the ARM reader's time and memory grow in step with its input (16 MiB: about 10 s and
   * 300 MB). CloudFormation templates stay at `fileBytes` (CloudFormation itself takes at most 1 MB).
   */
  jsonFileBytes: 16 * 1024 * 1024,
  /** Bytes of code read from one repository. */
  totalBytes: 128 * 1024 * 1024,
  /**
   * Tokens of one HCL file (names, numbers, strings, operators, line breaks), about 500 KB of typical code: the
   * HCL parser's time and memory grow faster than its input, and its memory is never given back.
   */
  hclTokens: 100_000,
  /** Tokens of all the HCL files of one repository. */
  totalHclTokens: 10_000_000,
  /** Nesting of brackets, blocks, mappings or sequences in one file, and of expressions and references. */
  nesting: 100,
  /** Instances of one resource or module block (`count`, `for_each`, ARM `copy`, nested copies multiplied). */
  instances: 10_000,
  /** Depth of local module calls below a root module. */
  moduleDepth: 10,
  /** Module instances evaluated in one repository (a module calling children many times, recursively). */
  moduleInstances: 10_000,
  /** Resources read from one repository. */
  resources: 100_000,
  /** Size of one evaluated value, about its length as JSON. */
  valueSize: 4_000_000,
  /** Size of all the resources of one repository, about their length as JSON. */
  totalValueSize: 64_000_000,
  /** Copies of one ARM copy loop (ARM's own limit). */
  armCopyCount: 800,
  /** Alias references in one YAML document (the `yaml` package's maxAliasCount). */
  yamlAliases: 100,
} as const;

/** A bound was reached. The message says which and where; the reader reports it and reads what it can. */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
}

const sizes = new WeakMap<object, number>();

function leafSize(value: Value): number {
  if (typeof value === 'string') return value.length + 2;
  return typeof value === 'number' ? String(value).length : 4;
}

/**
 * The size of a value as its JSON would be, counted without building it: values share parts (a list holding one
 * object a thousand times), and the count is what serialising them would cost. Stops past `cap` (returning more
 * than `cap`); sizes of parts already measured are remembered.
 */
export function valueSize(value: Value, cap: number = LIMITS.valueSize): number {
  if (value === null || typeof value !== 'object') return leafSize(value);
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let running = 0;
  const stack: { node: object; children: Value[]; index: number; start: number }[] = [];
  const open = (node: Value[] | { [key: string]: Value }) => {
    const start = running;
    if (Array.isArray(node)) {
      running += 2 + node.length;
      stack.push({ node, children: node, index: 0, start });
      return;
    }
    const keys = Object.keys(node);
    for (const key of keys) running += key.length + 4;
    stack.push({ node, children: Object.values(node), index: 0, start });
  };
  open(value);
  while (stack.length > 0) {
    if (running > cap) return running;
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.index >= top.children.length) {
      stack.pop();
      sizes.set(top.node, running - top.start);
      continue;
    }
    const child = top.children[top.index++] as Value;
    if (child === null || typeof child !== 'object') {
      running += leafSize(child);
      continue;
    }
    const measured = sizes.get(child);
    if (measured === undefined) open(child);
    else running += measured;
  }
  return running;
}

/** Throws LimitExceeded when `value` is larger than the value size limit; `what` names it in the message. */
export function checkSize<T extends Value>(value: T, what: string): T {
  if (valueSize(value) > LIMITS.valueSize)
    throw new LimitExceeded(`${what} expands past ${LIMITS.valueSize.toLocaleString('en')} bytes as JSON`);
  return value;
}

/** Throws LimitExceeded when a string being built (or its length) is longer than the value size limit. */
export function checkLength(text: string | number, what: string): void {
  if ((typeof text === 'number' ? text : text.length) > LIMITS.valueSize)
    throw new LimitExceeded(`${what} expands past ${LIMITS.valueSize.toLocaleString('en')} characters`);
}

/** What one repository may still yield: resources and their size, counted as each is read. */
export interface SourceBudget {
  resources: number;
  size: number;
  /** Set once the budget is spent: the diagnostic has been given, later resources are dropped silently. */
  spent?: boolean;
}

export function sourceBudget(): SourceBudget {
  return { resources: 0, size: 0 };
}

/**
 * Counts one resource against the budget: undefined when it fits, else the problem (once; later calls return
 * an empty string, meaning "dropped, already reported").
 */
export function admit(budget: SourceBudget, attributes: Value): string | undefined {
  if (budget.spent) return '';
  const size = valueSize(attributes, LIMITS.totalValueSize - budget.size);
  if (budget.resources + 1 > LIMITS.resources) {
    budget.spent = true;
    return `more than ${LIMITS.resources.toLocaleString('en')} resources in the repository; this one and the rest are not read`;
  }
  if (budget.size + size > LIMITS.totalValueSize) {
    budget.spent = true;
    return `the resources of the repository pass ${LIMITS.totalValueSize.toLocaleString('en')} bytes as JSON; this one and the rest are not read`;
  }
  budget.resources++;
  budget.size += size;
  return undefined;
}

/**
 * A copy of a value that shares nothing, with itself or with other values. Evaluation shares parts freely (a
 * variable read in many places is one object); a resource's attributes are detached before they leave the
 * connector, as later passes may change them in place. Its size is bounded by the caller (see `admit`).
 */
export function detach<T extends Value>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A plain own property, even for a key named `__proto__`: keys come from the files. */
export function setOwn(object: { [key: string]: Value }, key: string, value: Value): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
