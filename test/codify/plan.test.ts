/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { codifyPlan } from '../../src/codify/plan.js';
import { renderCodify } from '../../src/codify/render.js';
import type { DriftEntry } from '../../src/model/report.js';
import { type Resource, resourceKey } from '../../src/model/resource.js';
import { RESOURCE_TYPES } from '../../src/model/types/index.js';
import { resource } from '../helpers/resource.js';
import { evaluate, fmtCheck, tofuPath, tofuRequired, validateImports } from '../helpers/tofu.js';

function unmanaged(type: string, id: string, account?: string): DriftEntry {
  const provider = type.slice(0, type.indexOf('_'));
  return {
    kind: 'unmanaged',
    key: resourceKey(type, id),
    type,
    id,
    provider,
    ...(account ? { account } : {}),
    changes: [],
  };
}

function liveMap(resources: readonly Resource<'live'>[]) {
  const byKey = new Map<string, Resource<'live'>[]>();
  for (const r of resources) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  return byKey;
}

/** An id shaped like the provider's: an ARM id for azurerm, a name for AWS. */
function sampleId(type: string, index: number): string {
  return type.startsWith('azurerm_')
    ? `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Example.Provider/things/t${index}`
    : `example-${index}`;
}

const IMPORTABLE = RESOURCE_TYPES.filter((type) => type.id.importIdUnknown === undefined);

describe('codifyPlan', () => {
  it('groups per provider, account and type in a stable order, with unique names', () => {
    const plan = codifyPlan(
      [
        unmanaged('aws_s3_bucket', 'Logs', '222222222222'),
        unmanaged('aws_s3_bucket', 'logs', '111111111111'),
        unmanaged('aws_s3_bucket', 'logs.', '111111111111'),
        unmanaged('aws_iam_role', 'logs', '111111111111'),
        { ...unmanaged('aws_s3_bucket', 'declared'), kind: 'changed' },
      ],
      { withConfig: false },
    );
    expect(plan.groups.map((g) => [g.account, g.type, g.imports.map((i) => `${i.name}=${i.id}`)])).toEqual([
      ['111111111111', 'aws_iam_role', ['logs=logs']],
      ['111111111111', 'aws_s3_bucket', ['logs=logs', 'logs_2=logs.']],
      ['222222222222', 'aws_s3_bucket', ['logs_3=Logs']],
    ]);
  });

  it('names the account or subscription of each group, and says when the blocks span several', () => {
    const plan = codifyPlan(
      [
        unmanaged('aws_s3_bucket', 'a', '111111111111'),
        {
          ...unmanaged('azurerm_resource_group', '/subscriptions/s1/resourceGroups/rg'),
          provider: 'azurerm',
          account: 's1',
        },
      ],
      { withConfig: false },
    );
    const text = renderCodify(plan, false);
    expect(text).toContain('\n# aws account 111111111111: aws_s3_bucket (1)\nimport {');
    expect(text).toContain('\n# azurerm subscription s1: azurerm_resource_group (1)\nimport {');
    expect(text).toContain('# The blocks span several accounts or subscriptions');
  });

  it('never repeats a root-module address the configuration already has', () => {
    const plan = codifyPlan([unmanaged('aws_s3_bucket', 'logs'), unmanaged('aws_s3_bucket', 'data')], {
      withConfig: false,
      takenAddresses: ['aws_s3_bucket.logs', 'aws_s3_bucket.data[0]', 'module.app.aws_s3_bucket.logs_2'],
    });
    expect(plan.groups[0]?.imports.map((i) => i.name)).toEqual(['data_2', 'logs_2']);
  });

  it('lists, never guesses, the types whose import id is not known', () => {
    const plan = codifyPlan(
      [
        unmanaged('aws_iam_policy_attachment', 'attach'),
        unmanaged('aws_not_a_type', 'x'),
        unmanaged('aws_s3_bucket', 'bad\ud800'),
        unmanaged('aws_s3_bucket', 'fine'),
      ],
      { withConfig: false },
    );
    expect(plan.groups.flatMap((g) => g.imports.map((i) => i.id))).toEqual(['fine']);
    expect(plan.notCodified.map((n) => [n.type, n.reason])).toEqual([
      ['aws_iam_policy_attachment', expect.stringContaining('no import')],
      ['aws_not_a_type', expect.stringContaining("not in driftwarden's type catalogue")],
      ['aws_s3_bucket', expect.stringContaining('lone surrogate')],
    ]);
    const text = renderCodify(plan, false);
    expect(text).toContain('# Not imported (3): no import id is known for them, so none is guessed.');
    expect(text).not.toContain('aws_not_a_type.');
  });

  it('writes resource blocks without computed, folded, sensitive, masked or unknown values', () => {
    const bucket = resource(
      'aws_s3_bucket',
      'shadow',
      {
        bucket: 'shadow',
        arn: 'arn:aws:s3:::shadow',
        acl: 'private',
        tags: { 'team name': 'a "b" ${c}' },
        tags_all: { x: 'y' },
        versioning: { enabled: true },
        object_lock_enabled: false,
        metadata_like_block: { http_tokens: 'required' },
        website: { __unknown: true },
        token_like: { __sensitive: 'digest' },
      },
      'live',
    );
    const plan = codifyPlan([unmanaged('aws_s3_bucket', 'shadow')], {
      withConfig: true,
      live: liveMap([bucket]),
    });
    const config = plan.groups[0]?.imports[0]?.config;
    expect(config?.arguments).toEqual([
      ['bucket', 'shadow'],
      ['object_lock_enabled', false],
      ['tags', { 'team name': 'a "b" ${c}' }],
    ]);
    expect(config?.leftOut).toEqual({
      computed: ['arn'],
      folded: ['acl', 'versioning'],
      sensitive: ['token_like'],
      unknown: ['website'],
      nested: ['metadata_like_block'],
    });
    const text = renderCodify(plan, true);
    expect(text).not.toContain('digest');
    expect(text).toContain('resource "aws_s3_bucket" "shadow" {');
  });

  it('leaves out what the resource marks sensitive by path', () => {
    const role = resource('aws_iam_role', 'app', { name: 'app', description: 'x' }, 'live', {
      sensitivePaths: ['description'],
    });
    const plan = codifyPlan([unmanaged('aws_iam_role', 'app')], { withConfig: true, live: liveMap([role]) });
    expect(plan.groups[0]?.imports[0]?.config?.leftOut.sensitive).toEqual(['description']);
  });

  it('counts the imports that have no live attributes for a resource block', () => {
    const plan = codifyPlan([unmanaged('aws_s3_bucket', 'a')], { withConfig: true });
    expect(plan.withoutConfig).toBe(1);
    expect(renderCodify(plan, true)).toContain('# 1 import has no resource block');
  });
});

describe.skipIf(!tofuPath && !tofuRequired)('OpenTofu accepts what codify writes', () => {
  for (const provider of ['aws', 'azurerm'] as const) {
    it(`validates an import block for every ${provider} catalogue type with a known import id`, () => {
      const types = IMPORTABLE.filter((type) => type.provider === provider);
      expect(types.length).toBeGreaterThan(provider === 'aws' ? 150 : 100);
      const plan = codifyPlan(
        types.map((type, index) => unmanaged(type.type, sampleId(type.type, index))),
        { withConfig: false },
      );
      expect(plan.notCodified).toEqual([]);
      const text = renderCodify(plan, false);
      expect(fmtCheck(text)).toMatchObject({ status: 0, stdout: '' });
      const validated = validateImports(text, [provider]);
      expect(validated.stdout).toContain('"valid": true');
      expect(validated.valid).toBe(true);
    });
  }

  it('writes hostile ids that OpenTofu reads back exactly, and valid, formatted blocks around them', () => {
    const ids = [
      'a"b',
      '${path.root}',
      '%{if true}x%{endif}',
      'new\nline',
      '"\n}\nresource "x" "y" {',
      'back\\',
    ];
    const plan = codifyPlan(
      ids.map((id) => unmanaged('aws_s3_bucket', id)),
      { withConfig: false },
    );
    const text = renderCodify(plan, false);
    expect(validateImports(text).valid).toBe(true);
    expect(fmtCheck(text).status).toBe(0);
    const written = [...text.matchAll(/^ {2}id = (".*")$/gm)].map((match) => match[1] ?? '');
    expect(evaluate(written).sort()).toEqual([...ids].sort());
  });

  it('keeps hostile report fields (a type, a provider, an account) out of the HCL but in one-line comments', () => {
    const hostile: DriftEntry[] = [
      {
        ...unmanaged('aws_s3_bucket', 'ok'),
        account: '1111\nimport {\n  to = aws_iam_user.x\n  id = "x"\n}',
      },
      {
        ...unmanaged('aws_s3_bucket', 'x'),
        type: 'aws_s3_bucket.y\n}\nresource "aws_iam_user" "z" {',
        provider: 'aws\n#',
      },
    ];
    const plan = codifyPlan(hostile, { withConfig: false });
    const text = renderCodify(plan, false);
    expect(text.match(/^import \{$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^resource /m);
    expect(validateImports(text).valid).toBe(true);
    expect(fmtCheck(text).status).toBe(0);
  });

  it('rejects a broken import block (the check is not vacuous)', () => {
    expect(validateImports('import {\n  to = aws_s3_bucket.x\n}\n').valid).toBe(false);
    expect(validateImports('import {\n  to = aws_s3_bucket.1x\n  id = "a"\n}\n').valid).toBe(false);
    expect(
      validateImports(
        'import {\n  to = aws_s3_bucket.x\n  id = "a"\n}\nimport {\n  to = aws_s3_bucket.x\n  id = "b"\n}\n',
      ).valid,
    ).toBe(false);
  });

  it('formats resource blocks as tofu fmt does', () => {
    const bucket = resource(
      'aws_s3_bucket',
      'shadow',
      {
        bucket: 'shadow',
        force_destroy: false,
        tags: { a: '1', 'long key': '${x}' },
        object_lock_enabled: false,
      },
      'live',
    );
    const plan = codifyPlan([unmanaged('aws_s3_bucket', 'shadow')], {
      withConfig: true,
      live: liveMap([bucket]),
    });
    const text = renderCodify(plan, true);
    expect(fmtCheck(text)).toMatchObject({ status: 0, stdout: '' });
  });
});
