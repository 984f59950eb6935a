/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../connectors/iac/hcl-expr.js';

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
    ['${var.env == "prod" ? 1 : 2}', U],
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

describe('multi-line objects', () => {
  it('newlines separate items, as in jsonencode blocks', () => {
    const text =
      '${jsonencode({\n  Version = "2012-10-17"\n  Statement = [{\n    Effect = "Allow"\n    Action = "*"\n  }]\n})}';
    expect(evaluate(text, scope)).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}',
    );
  });
});
