import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { CodeFile } from '../../src/fix/code-index.js';
import { planFixes } from '../../src/fix/plan.js';
import { fixText } from '../../src/fix/text.js';
import type { DriftEntry } from '../../src/model/report.js';
import { fixMarkdown } from '../../src/report/markdown-fix.js';
import { gitApply, gitRepo, readText } from '../helpers/git-apply.js';

/**
 * `driftwarden fix` on what the catalogue folds into a resource from its sub-resources: the bucket's
 * `versioning`, `public_access_block`, ... are written in aws_s3_bucket_versioning, aws_s3_bucket_public_access_block
 * (AWS provider 4+), and are patched there, with the applies targeting those blocks.
 */
function bucket(
  address: string,
  changes: DriftEntry['changes'],
  extra: Partial<DriftEntry> = {},
): DriftEntry {
  return {
    kind: 'changed',
    key: 'aws_s3_bucket.acme-logs',
    type: 'aws_s3_bucket',
    id: 'acme-logs',
    provider: 'aws',
    address,
    changes,
    ...extra,
  };
}

const MAIN = `resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    team = "platform"
  }
}

resource "aws_s3_bucket" "other" {
  bucket = "acme-other"
}
`;

const S3 = `# The logs bucket's configuration, as provider 4+ writes it.

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = "acme-logs"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "other" {
  bucket = aws_s3_bucket.other.id

  versioning_configuration {
    status = "Enabled"
  }
}
`;

const code = () => [new CodeFile('main.tf', MAIN), new CodeFile('s3.tf', S3)];

const VERSIONING = { path: 'versioning.enabled', declared: true, live: false };

describe('driftwarden fix: folded attributes are patched in the sub-resource block that declares them', () => {
  it("finds the bucket's aws_s3_bucket_versioning by its reference and writes the status, for git apply", async () => {
    const plan = planFixes([bucket('aws_s3_bucket.logs', [VERSIONING])], code());
    const [proposal] = plan.proposals;
    expect(proposal?.attributes).toEqual([
      {
        path: 'versioning.enabled',
        patched: true,
        line: 7,
        address: 'aws_s3_bucket_versioning.logs',
        file: 's3.tf',
      },
    ]);
    expect([proposal?.file, proposal?.line, proposal?.revert, proposal?.refresh]).toEqual([
      'main.tf',
      1,
      'terraform apply -target=aws_s3_bucket_versioning.logs',
      'terraform apply -refresh-only -target=aws_s3_bucket_versioning.logs',
    ]);
    expect(plan.patch).toBe(
      [
        'diff --git a/s3.tf b/s3.tf',
        '--- a/s3.tf',
        '+++ b/s3.tf',
        '@@ -4,7 +4,7 @@',
        '   bucket = aws_s3_bucket.logs.id',
        ' ',
        '   versioning_configuration {',
        '-    status = "Enabled"',
        '+    status = "Suspended"',
        '   }',
        ' }',
        ' ',
        '',
      ].join('\n'),
    );
    const dir = gitRepo({ 'main.tf': MAIN, 's3.tf': S3 });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    const json = (await parse('s3.tf', readText(dir, 's3.tf'))) as {
      resource: { aws_s3_bucket_versioning: Record<string, { versioning_configuration: unknown }[]> };
    };
    expect(json.resource.aws_s3_bucket_versioning.logs?.[0]?.versioning_configuration).toEqual([
      { status: 'Suspended' },
    ]);
    expect(json.resource.aws_s3_bucket_versioning.other?.[0]?.versioning_configuration).toEqual([
      { status: 'Enabled' },
    ]);
    expect(fixText(plan, (text) => text)).toContain(
      '  accept: patch versioning.enabled (aws_s3_bucket_versioning.logs in s3.tf, line 7)\n' +
        '          then terraform apply -refresh-only -target=aws_s3_bucket_versioning.logs\n',
    );
    expect(fixMarkdown(plan, 60_000)).toContain(
      'patch `versioning.enabled` in `aws_s3_bucket_versioning.logs` at `s3.tf:7`',
    );
  });

  it("patches the bucket's own and its sub-resources' attributes together, in two files, and targets each", () => {
    const plan = planFixes(
      [
        bucket('aws_s3_bucket.logs', [
          { path: 'public_access_block.block_public_policy', declared: true, live: false },
          { path: 'tags.team', declared: 'platform', live: 'payments' },
          { path: 'versioning.mfa_delete', declared: false, live: true },
        ]),
      ],
      code(),
    );
    expect(plan.proposals[0]?.attributes).toEqual([
      {
        path: 'public_access_block.block_public_policy',
        patched: true,
        line: 15,
        address: 'aws_s3_bucket_public_access_block.logs',
        file: 's3.tf',
      },
      { path: 'tags.team', patched: true, line: 5 },
      {
        path: 'versioning.mfa_delete',
        patched: true,
        line: 8,
        address: 'aws_s3_bucket_versioning.logs',
        file: 's3.tf',
      },
    ]);
    expect(plan.proposals[0]?.revert).toBe(
      'terraform apply -target=aws_s3_bucket_public_access_block.logs -target=aws_s3_bucket.logs -target=aws_s3_bucket_versioning.logs',
    );
    const dir = gitRepo({ 'main.tf': MAIN, 's3.tf': S3 });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    expect(readText(dir, 'main.tf')).toBe(MAIN.replace('team = "platform"', 'team = "payments"'));
    expect(readText(dir, 's3.tf')).toBe(
      S3.replace('  block_public_policy     = true', '  block_public_policy     = false').replace(
        '  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\nresource "aws_s3_bucket_public_access_block"',
        '  versioning_configuration {\n    status = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}\n\nresource "aws_s3_bucket_public_access_block"',
      ),
    );
  });

  it("takes the block state names (the entry's parts) over references, and targets it even where it is not read", () => {
    const text = `resource "aws_s3_bucket" "logs" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = var.name
  versioning_configuration {
    status = "Enabled"
  }
}
`;
    const parts = { parts: ['aws_s3_bucket_versioning.this', 'aws_s3_bucket_policy.logs'] };
    const plan = planFixes(
      [bucket('aws_s3_bucket.logs', [VERSIONING], parts)],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals[0]?.attributes).toEqual([
      {
        path: 'versioning.enabled',
        patched: true,
        line: 8,
        address: 'aws_s3_bucket_versioning.this',
        file: 'main.tf',
      },
    ]);
    const dir = gitRepo({ 'main.tf': text });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    expect(readText(dir, 'main.tf')).toBe(text.replace('"Enabled"', '"Suspended"'));

    const elsewhere = planFixes(
      [bucket('aws_s3_bucket.logs', [VERSIONING], { parts: ['aws_s3_bucket_versioning.v'] })],
      code(),
    );
    expect(elsewhere.proposals[0]?.attributes).toEqual([
      { path: 'versioning.enabled', patched: false, why: 'no-block', address: 'aws_s3_bucket_versioning.v' },
    ]);
    expect(elsewhere.proposals[0]?.revert).toBe('terraform apply -target=aws_s3_bucket_versioning.v');
    expect(elsewhere.patch).toBe('');
  });

  it('the example estate: a module bucket is not patched, but its revert applies its versioning, not the bucket', () => {
    const plan = planFixes(
      [
        bucket('module.buckets.aws_s3_bucket.this["data"]', [VERSIONING], {
          parts: [
            'module.buckets.aws_s3_bucket_public_access_block.this["data"]',
            'module.buckets.aws_s3_bucket_versioning.this["data"]',
          ],
        }),
      ],
      code(),
    );
    expect(plan.proposals[0]?.attributes).toEqual([
      { path: 'versioning.enabled', patched: false, why: 'module' },
    ]);
    expect(plan.proposals[0]?.revert).toBe(
      `terraform apply -target='module.buckets.aws_s3_bucket_versioning.this["data"]'`,
    );
  });
});

describe('driftwarden fix: a folded attribute whose sub-resource block is ambiguous or absent is not patched', () => {
  const cases: [string, string, Partial<DriftEntry>, DriftEntry['changes'][number], string][] = [
    [
      'two blocks reference the bucket',
      `${S3}\nresource "aws_s3_bucket_versioning" "again" {\n  bucket = aws_s3_bucket.logs.bucket\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
      {},
      VERSIONING,
      'sub-ambiguous',
    ],
    [
      'an override of the block that references the bucket',
      `${S3}\nresource "aws_s3_bucket_versioning" "logs" {\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
      {},
      VERSIONING,
      'ambiguous',
    ],
    [
      'state names two of the type',
      S3,
      { parts: ['aws_s3_bucket_versioning.logs', 'aws_s3_bucket_versioning.again'] },
      VERSIONING,
      'sub-ambiguous',
    ],
    ['state names none of the type', S3, { parts: ['aws_s3_bucket_policy.logs'] }, VERSIONING, 'not-in-code'],
    [
      'no block references this bucket (only its namesake in name)',
      S3.replace('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs_old.id'),
      {},
      VERSIONING,
      'not-in-code',
    ],
    [
      'the block references the bucket through a variable',
      S3.replace('aws_s3_bucket.logs.id', 'var.logs'),
      {},
      VERSIONING,
      'not-in-code',
    ],
    [
      'the block is one instance of count',
      S3.replace('  bucket = aws_s3_bucket.logs.id', '  count  = 1\n  bucket = aws_s3_bucket.logs.id'),
      {},
      VERSIONING,
      'not-in-code',
    ],
    [
      'the code does not read what state says was applied',
      S3.replace('"Enabled"', '"Suspended"'),
      {},
      VERSIONING,
      'code-differs',
    ],
    [
      'the live value has no status to write',
      S3,
      {},
      { path: 'versioning.enabled', declared: true, live: 'on' },
      'text',
    ],
    [
      'the encryption rule is a set element',
      `${S3}\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`,
      {},
      {
        path: 'server_side_encryption_configuration.rule[0].apply_server_side_encryption_by_default.sse_algorithm',
        declared: 'aws:kms',
        live: 'AES256',
      },
      'set-element',
    ],
  ];
  for (const [name, s3, extra, change, why] of cases) {
    it(`${name}: ${why}`, () => {
      const plan = planFixes(
        [bucket('aws_s3_bucket.logs', [change], extra)],
        [new CodeFile('main.tf', MAIN), new CodeFile('s3.tf', s3)],
      );
      expect(plan.proposals[0]?.attributes[0]).toMatchObject({ path: change.path, patched: false, why });
      expect(plan.patch).toBe('');
    });
  }

  it("a bucket that writes the block inline (provider 3) is patched in its own block, not a sub-resource's", () => {
    const text = `resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n\n  versioning {\n    enabled = true\n  }\n}\n`;
    const plan = planFixes(
      [bucket('aws_s3_bucket.logs', [VERSIONING])],
      [new CodeFile('main.tf', text), new CodeFile('s3.tf', S3)],
    );
    expect(plan.proposals[0]?.attributes).toEqual([{ path: 'versioning.enabled', patched: true, line: 5 }]);
    expect(plan.proposals[0]?.revert).toBe('terraform apply -target=aws_s3_bucket.logs');
  });

  it('a queue policy written with jsonencode in aws_sqs_queue_policy says so, rather than "not in code"', () => {
    const text = `resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n\nresource "aws_sqs_queue_policy" "q" {\n  queue_url = aws_sqs_queue.q.id\n  policy    = jsonencode({ Version = "2012-10-17" })\n}\n`;
    const plan = planFixes(
      [
        {
          kind: 'changed',
          key: 'aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/1/q',
          type: 'aws_sqs_queue',
          id: 'https://sqs.eu-west-1.amazonaws.com/1/q',
          provider: 'aws',
          address: 'aws_sqs_queue.q',
          changes: [{ path: 'policy.Version', declared: '2012-10-17', live: '2008-10-17' }],
        },
      ],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals[0]?.attributes).toEqual([
      {
        path: 'policy.Version',
        patched: false,
        why: 'function',
        line: 7,
        address: 'aws_sqs_queue_policy.q',
        file: 'main.tf',
      },
    ]);
    expect(plan.proposals[0]?.revert).toBe('terraform apply -target=aws_sqs_queue_policy.q');
  });
});
