/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { commentText, hclString, isIdentifier, representable } from '../../src/codify/hcl.js';
import { liveName, resourceName, uniqueNames } from '../../src/codify/names.js';
import { evaluate, fmtCheck, tofuPath, tofuRequired } from '../helpers/tofu.js';

/** Cloud values chosen to break out of a quoted HCL string, or to run as an interpolation or a directive. */
const HOSTILE = [
  'plain',
  'quote " inside',
  'back\\slash\\',
  '${file("/etc/passwd")}',
  '%{ for x in ["a"] }${x}%{ endfor }',
  '$${already escaped}',
  '%%{already escaped}',
  '$',
  '%',
  '${',
  'line\nbreak\r\nand\ttab',
  'nul\u0000 bell\u0007 del\u007f c1\u0085',
  'separators\u2028\u2029',
  '" }\nresource "aws_iam_user" "x" {\n  name = "evil',
  'emoji 🪣 and accents é',
  '',
];

describe('hclString', () => {
  it('escapes quotes, backslashes, interpolations, directives and control characters', () => {
    expect(hclString('a"b')).toBe('"a\\"b"');
    expect(hclString('a\\b')).toBe('"a\\\\b"');
    expect(hclString('${x}')).toBe('"$${x}"');
    expect(hclString('%{x}')).toBe('"%%{x}"');
    expect(hclString('a\nb\tc\u0001')).toBe('"a\\nb\\tc\\u0001"');
    for (const text of HOSTILE) expect(/[\n\r]/.test(hclString(text))).toBe(false);
  });

  it('refuses lone surrogates, which no HCL string can hold', () => {
    expect(representable('ok 🪣')).toBe(true);
    expect(representable('bad \ud800 here')).toBe(false);
  });

  it('keeps comments on one line', () => {
    expect(commentText('a\nb\r\nc\u0000')).toBe('a b c\ufffd');
  });
});

describe('resource names', () => {
  it('are HCL identifiers from the live name', () => {
    expect(resourceName('Shadow-Bucket.logs')).toBe('shadow_bucket_logs');
    expect(resourceName('2024-backups')).toBe('r_2024_backups');
    expect(resourceName('Café Ünïcode')).toBe('cafe_unicode');
    expect(resourceName('🪣🪣')).toBe('resource');
    expect(resourceName('x'.repeat(100))).toHaveLength(64);
    for (const text of HOSTILE) expect(isIdentifier(resourceName(text))).toBe(true);
  });

  it('are unique per type, not across types', () => {
    const unique = uniqueNames([{ type: 'aws_s3_bucket', name: 'taken' }]);
    expect(unique('aws_s3_bucket', 'logs')).toBe('logs');
    expect(unique('aws_s3_bucket', 'logs')).toBe('logs_2');
    expect(unique('aws_s3_bucket', 'logs')).toBe('logs_3');
    expect(unique('aws_s3_bucket', 'taken')).toBe('taken_2');
    expect(unique('aws_iam_role', 'logs')).toBe('logs');
    expect(unique('aws_s3_bucket', 'x'.repeat(64))).toBe('x'.repeat(64));
    expect(unique('aws_s3_bucket', 'x'.repeat(64))).toBe(`${'x'.repeat(62)}_2`);
  });

  it('come from the name, the type id attribute, the Name tag, then the id', () => {
    expect(liveName('i-1', 'id', { tags: { Name: 'web' } })).toBe('web');
    expect(liveName('x', 'bucket', { bucket: 'logs' })).toBe('logs');
    expect(
      liveName('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', 'id', {}),
    ).toBe('st');
    expect(liveName('arn:aws:lambda:eu-west-1:111122223333:function:api', 'arn', {})).toBe('api');
  });
});

describe.skipIf(!tofuPath && !tofuRequired)('OpenTofu reads the escaped strings back exactly', () => {
  it('evaluates every hostile value to itself', () => {
    expect(evaluate(HOSTILE.map((text) => hclString(text)))).toEqual(HOSTILE);
    expect(evaluate(HOSTILE.map((text) => hclString(`<!-- ${text} -->`, true)))).toEqual(
      HOSTILE.map((text) => `<!-- ${text} -->`),
    );
  });

  it('parses and formats them as tofu fmt does', () => {
    const hcl = HOSTILE.map((text, index) => `locals {\n  v${index} = ${hclString(text)}\n}\n`).join('\n');
    expect(fmtCheck(hcl)).toMatchObject({ status: 0, stdout: '' });
  });
});
