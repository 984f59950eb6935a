/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../connectors/iac/hcl-expr.js';
import { outlineHcl } from '../../connectors/iac/hcl-outline.js';
import { LimitExceeded } from '../../connectors/iac/limits.js';

const scope = { var: { env: 'prod', names: ['a', 'b'] }, local: { prefix: 'acme' } };
const U = { __unknown: true, reason: 'expression' };

describe('HCL expressions', () => {
  it.each([
    ['plain', 'plain'],
    ['${var.env}', 'prod'],
    ['acme-${var.env}-${local.prefix}', 'acme-prod-acme'],
    ['${var.names[1]}', 'b'],
    [
      '${jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })}',
      '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    ],
    ['${merge({ a = 1 }, { b = "x" })}', { a: 1, b: 'x' }],
    ['${concat(["a"], ["b", "c"])}', ['a', 'b', 'c']],
    ['${lower("ABC")}', 'abc'],
    ['${true}', true],
    ['${aws_iam_role.x.arn}', U],
    ['${var.env == "prod" ? 1 : 2}', 1],
    ['${var.env != "prod" || length(var.names) > 2 ? "a" : "b"}', 'b'],
    ['${(length(var.names) + 1) * 2 - 1}', 5],
    ['${var.missing == null ? 1 : 2}', U],
    ['${aws_iam_role.x.arn == "" ? 1 : 2}', U],
    ['${timestamp()}', U],
    ['prefix-${aws_instance.x.id}', U],
  ])('%s', (input, expected) => {
    expect(evaluate(input, scope)).toEqual(expected);
  });

  it('evaluates inside objects and lists', () => {
    expect(evaluate({ tags: { env: '${var.env}' }, list: ['${local.prefix}'] }, scope)).toEqual({
      tags: { env: 'prod' },
      list: ['acme'],
    });
  });

  it('each and count', () => {
    expect(
      evaluate('${each.key}-${each.value.size}', { ...scope, each: { key: 'k', value: { size: 3 } } }),
    ).toBe('k-3');
    expect(evaluate('node-${count.index}', { ...scope, count: { index: 2 } })).toBe('node-2');
  });

  it('jsonencode of a document with an unknown part is unknown', () => {
    expect(evaluate('${jsonencode({ Resource = aws_s3_bucket.b.arn })}', scope)).toEqual(U);
  });
});

describe('bucket references of S3 sub-resources', () => {
  it('resolve to the bucket address, with count and for_each keys', () => {
    const resourceAddress = (type: string, name: string) =>
      type === 'aws_s3_bucket' ? `module.s.${type}.${name}` : undefined;
    const s = { ...scope, resourceAddress, each: { key: 'logs', value: 'x' } };
    expect(evaluate('${aws_s3_bucket.this.id}', s)).toBe('module.s.aws_s3_bucket.this');
    expect(evaluate('${aws_s3_bucket.this[each.key].id}', s)).toBe('module.s.aws_s3_bucket.this["logs"]');
    expect(evaluate('${aws_s3_bucket.this[0].bucket}', s)).toBe('module.s.aws_s3_bucket.this[0]');
    expect(evaluate('${aws_s3_bucket.this.arn}', s)).toEqual(U);
  });
});

describe('operators and conditionals', () => {
  const values = { var: { create: false, on: true, n: 3, none: null, later: U }, local: {} };
  it.each([
    ['${var.create ? 1 : 0}', 0],
    ['${var.on ? 1 : 0}', 1],
    ['${var.later ? 1 : 0}', U],
    ['${var.later == null}', U],
    ['${var.n * 2 + 1}', 7],
    ['${var.n > 2 && !var.create}', true],
    ['${var.none == null ? "x" : "y"}', 'x'],
    ['${-var.n}', -3],
    ['${var.on ? var.n > 1 ? "big" : "small" : "none"}', 'big'],
    ['${"1" == 1}', false],
    ['${var.n / 0}', U],
    ['${var.n ? 1 : 0}', U],
  ])('%s', (input, expected) => {
    expect(evaluate(input, values)).toEqual(expected);
  });
});

describe('template directives', () => {
  const values = {
    var: { on: true, off: false, names: ['a', 'b'], tags: { z: '1', y: '2' }, later: U },
    local: {},
  };
  it.each([
    ['%{if var.on}yes%{else}no%{endif}', 'yes'],
    ['%{if var.off}yes%{else}no%{endif}!', 'no!'],
    ['%{if var.off}yes%{endif}', ''],
    ['[%{for n in var.names}${n},%{endfor}]', '[a,b,]'],
    ['%{for i, n in var.names}${i}=${n};%{endfor}', '0=a;1=b;'],
    ['%{for k, v in var.tags}${k}=${v} %{endfor}', 'y=2 z=1 '],
    ['%{for n in var.names}%{if n == "b"}${upper(n)}%{endif}%{endfor}', 'B'],
    // Strip markers, as tf.json strings keep them (hcl2json applies them to .tf files itself).
    ['a \n %{~ if var.on ~} \n b \n %{~ endif ~} \n c', 'abc'],
    ['x ${~ "y" ~} z', 'xyz'],
    // Escapes are literal text.
    ['$${var.on} %%{if}', '${var.on} %{if}'],
    ['%{if var.later}yes%{endif}', U],
    ['%{for n in var.later}${n}%{endfor}', U],
    ['%{if var.on}unclosed', U],
    ['%{endif}', U],
    ['%{while var.on}x%{endwhile}', U],
  ])('%s', (input, expected) => {
    expect(evaluate(input, values)).toEqual(expected);
  });

  it('loops are bounded: nested for directives over large lists stop at the limit', () => {
    const big = { var: { l: Array.from({ length: 2000 }, (_, i) => i) }, local: {} };
    expect(() => evaluate('%{for a in var.l}%{for b in var.l}%{endfor}%{endfor}', big)).toThrow(
      new LimitExceeded('a template loops more than 1,000,000 times'),
    );
  });
});

describe('multi-line objects', () => {
  it('newlines separate items, as in jsonencode blocks', () => {
    const text =
      '${jsonencode({\n  Version = "2012-10-17"\n  Statement = [{\n    Effect = "Allow"\n    Action = "*"\n  }]\n})}';
    expect(evaluate(text, scope)).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}',
    );
  });
});

describe('limits of the evaluator', () => {
  it('a value nested past the limit, or growing past the value size limit, is a LimitExceeded, not a crash', () => {
    const deep = `\${${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(() => evaluate(deep, scope)).toThrow(new LimitExceeded('nested deeper than 100 levels'));
    let nestedValue: unknown = 'x';
    for (let n = 0; n < 5000; n++) nestedValue = [nestedValue];
    expect(() => evaluate(nestedValue, scope)).toThrow(LimitExceeded);
    const big = { var: { s: 'x'.repeat(1_000_000), l: Array(1000).fill('y'.repeat(1000)) }, local: {} };
    expect(() => evaluate('${var.s}${var.s}${var.s}${var.s}${var.s}', big)).toThrow(
      new LimitExceeded('a string template expands past 4,000,000 characters'),
    );
    expect(() => evaluate('${jsonencode([var.l, var.l, var.l, var.l, var.l])}', big)).toThrow(
      new LimitExceeded('a list expands past 4,000,000 bytes as JSON'),
    );
    // Expressions beyond the evaluator are still plain unknowns.
    expect(evaluate('${[for n in var.names : upper(n)]}', scope)).toEqual(U);
  });

  it('keys named __proto__ or constructor are plain keys, and nothing inherited is read', () => {
    expect(evaluate({ __proto__x: 1, ['__proto__']: { a: 1 } } as never, scope)).toEqual(
      JSON.parse('{"__proto__x":1,"__proto__":{"a":1}}'),
    );
    const merged = evaluate('${merge({ a = 1 }, { "__proto__" = { b = 2 } })}', scope);
    expect(Object.keys(merged as object)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(evaluate('${var.constructor}', scope)).toEqual(U);
    expect(evaluate('${var.names.constructor}', scope)).toEqual(U);
    expect(evaluate('${local.toString}', scope)).toEqual(U);
  });

  it('lone surrogates in strings become U+FFFD', () => {
    expect(evaluate('${"a\\ud800b"}', scope)).toBe('a\uFFFDb');
  });
});

describe('outlineHcl: nesting the HCL parser would follow, and where blocks are', () => {
  const text = [
    'variable "x" {', //                      1
    '  default = "}]{ ${var.y} %{ if a }"', //  2: brackets in strings are not structure
    '}',
    '# { [ (',
    'resource "aws_s3_bucket" "b" {', //       5
    '  policy = <<EOF',
    '{ "a": [',
    'EOF',
    '}', //                                     9
    'resource aws_iam_policy p {', //          10: labels may be bare names
    '}',
    'module "m" {',
    '  source = "./m"',
    '}',
    'locals {',
    '  a = 1', //                               16
    '  b = { c = 2 }',
    '}',
    '',
  ].join('\n');

  it('finds resources, data, modules, variables and locals, strings and heredocs aside', () => {
    const outline = outlineHcl(text);
    expect(outline.tooDeep).toBeUndefined();
    expect(Object.fromEntries(outline.blocks)).toEqual({
      'variable.x': { line: 1, endLine: 3 },
      'aws_s3_bucket.b': { line: 5, endLine: 9 },
      'aws_iam_policy.p': { line: 10, endLine: 11 },
      'module.m': { line: 12, endLine: 14 },
      'local.a': { line: 16, endLine: 16 },
      'local.b': { line: 17, endLine: 17 },
    });
  });

  it.each([
    ['brackets', `x = ${'['.repeat(101)}${']'.repeat(101)}`],
    ['blocks', `${'a {\n'.repeat(101)}${'}\n'.repeat(101)}`],
    ['unary operators', `x = ${'!'.repeat(101)}true`],
    ['conditionals', `x = ${'a ? b : '.repeat(101)}c`],
    ['splats', `x = a${'[*]'.repeat(101)}`],
    ['interpolations', `x = ${'"${'.repeat(51)}1${'}"'.repeat(51)}`],
    ['template directives', `x = "${'%{ if a }'.repeat(101)}${'%{ endif }'.repeat(101)}"`],
    ['closers hidden in a string', `x = ")))))))))))))" ${'['.repeat(101)}`],
    ['closers of the wrong kind', `x = ${'[)'.repeat(101)}`],
  ])('counts %s past the limit', (name, source) => {
    // One level per line for the blocks, so the limit is passed on line 101; on line 2 for the others.
    expect(outlineHcl(`locals {\n${source}\n}\n`).tooDeep).toBe(name === 'blocks' ? 101 : 2);
  });

  it.each([
    ['many ternaries, one per line', `${'x = a ? b : c\n'.repeat(500)}`],
    ['a long list', `x = [${'-1, !a, b * c, '.repeat(500)}]`],
    ['names with dashes', `x = [${'var.a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z, '.repeat(20)}]`],
  ])('does not count %s as nesting', (_, source) => {
    expect(outlineHcl(`locals {\n${source}\n}\n`).tooDeep).toBeUndefined();
  });
});
