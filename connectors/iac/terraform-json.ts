import { isPlainObject, type Value } from '../../src/model/value.js';
import { parseJsonWithComments } from './arm-json.js';
import type { HclOutline } from './hcl-outline.js';
import type { ParsedHcl } from './hcl-parse.js';
import { setOwn } from './limits.js';

/** `main.tf.json`, `terraform.tfvars.json`, `x.auto.tfvars.json`: Terraform's JSON syntax. */
export function isTerraformJson(path: string): boolean {
  return /\.tf(vars)?\.json$/.test(path);
}

type Blocks = { [key: string]: Value };

/**
 * Terraform's JSON syntax (https://developer.hashicorp.com/terraform/language/syntax/json), read into the shape
 * hcl2json gives HCL, so that one evaluator reads both: `resource`/`data` (type, then name), `module` and
 * `variable` (name), each body a list of one; `locals` a list of objects; strings are templates, as in HCL.
 * Where the syntax allows an array of objects for one object (several blocks of a kind, several `locals`), the
 * objects are merged; `"//"` keys are comments. `dynamic` blocks take hcl2json's shape too. The outline gives each
 * block the line of its opening brace.
 */
export function parseTerraformJson(path: string, text: string): ParsedHcl {
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) {
    const { line, column, problem } = parsed.error;
    return failure(path, line, `cannot parse JSON at line ${line}, column ${column}: ${problem}`);
  }
  const { value, spans } = parsed.document;
  if (!isPlainObject(value)) return failure(path, 1, 'a Terraform JSON file must hold one object');
  const outline: HclOutline = { tokens: 0, blocks: new Map() };
  const line = (at: unknown, fallback: number) =>
    (typeof at === 'object' && at !== null ? spans.get(at)?.line : undefined) ?? fallback;
  const top = line(value, 1);
  const json: Blocks = {};
  if (path.endsWith('.tfvars.json')) {
    for (const [key, item] of Object.entries(value)) {
      setOwn(json, key, item);
      outline.blocks.set(`attribute.${key}`, { line: line(item, top), endLine: line(item, top) });
    }
    return { json, outline };
  }
  const mark = (key: string, body: unknown, fallback: number) => {
    const start = line(body, fallback);
    const endLine = typeof body === 'object' && body !== null ? (spans.get(body)?.endLine ?? start) : start;
    if (!outline.blocks.has(key)) outline.blocks.set(key, { line: start, endLine });
  };
  for (const [kind, blocks] of merged(value)) {
    if (kind === 'resource' || kind === 'data') {
      const types: Blocks = {};
      for (const [type, named] of merged(blocks)) {
        const bodies: Blocks = {};
        for (const [name, body] of merged(named)) {
          setOwn(bodies, name, [block(body)]);
          mark(kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`, firstOf(body), top);
        }
        setOwn(types, type, bodies);
      }
      json[kind] = types;
    } else if (kind === 'module' || kind === 'variable') {
      const bodies: Blocks = {};
      for (const [name, body] of merged(blocks)) {
        setOwn(bodies, name, [block(body)]);
        mark(`${kind}.${name}`, firstOf(body), top);
      }
      json[kind] = bodies;
    } else if (kind === 'locals') {
      const locals: Blocks = {};
      for (const [name, item] of merged(blocks)) {
        setOwn(locals, name, item);
        mark(`local.${name}`, item, line(blocks, top));
      }
      json.locals = [locals];
    }
  }
  return { json, outline };
}

/** An object, or an array of objects read as one; `"//"` comments dropped. */
function merged(value: unknown): [string, Value][] {
  const objects = Array.isArray(value) ? value.filter(isPlainObject) : isPlainObject(value) ? [value] : [];
  return objects.flatMap((object) => Object.entries(object)).filter(([key]) => key !== '//');
}

function firstOf(body: unknown): unknown {
  return Array.isArray(body) ? body[0] : body;
}

/** A block body: `"//"` dropped, `dynamic` blocks in hcl2json's shape (lists of one, `content` a list of one). */
function block(body: unknown): Blocks {
  const out: Blocks = {};
  for (const [key, item] of merged(firstOf(body))) {
    if (key !== 'dynamic' || !isPlainObject(item)) {
      setOwn(out, key, item);
      continue;
    }
    const dynamic: Blocks = {};
    for (const [label, spec] of merged(item)) {
      const specs = (Array.isArray(spec) ? spec : [spec]).filter(isPlainObject).map((one) => {
        const { content, ...rest } = one;
        return { ...rest, content: [block(content)] };
      });
      setOwn(dynamic, label, specs);
    }
    out.dynamic = dynamic;
  }
  return out;
}

function failure(path: string, line: number, message: string): ParsedHcl {
  return { problem: { level: 'error', code: 'iac.parse', message, source: `${path}:${line}` } };
}
