import { describe, expect, it } from 'vitest';
import { CodeFile } from '../../src/fix/code-index.js';
import { planFixes } from '../../src/fix/plan.js';
import type { DriftEntry } from '../../src/model/report.js';
import { gitApply, gitRepo, readText } from '../helpers/git-apply.js';

function changed(type: string, address: string, changes: DriftEntry['changes']): DriftEntry {
  return { kind: 'changed', key: `${type}.${address}`, type, id: address, provider: 'aws', address, changes };
}

const CODE = `variable "retention" {
  default = 14
}

locals {
  team = "payments"
}

resource "aws_security_group" "app" {
  name        = "app-\${local.team}"
  description = <<-EOT
    The app tier
  EOT

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  dynamic "egress" {
    for_each = [1]
    content {
      from_port = 0
    }
  }

  tags = merge(local.common, { team = local.team })
}

resource "aws_db_instance" "app" {
  backup_retention_period = var.retention
  password                = "not-a-real-one"
  allocated_storage       = 100
  engine                  = "postgres"

  tags = {
    Name = "app"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  versioning {
    enabled = true
  }
}

resource "aws_ebs_volume" "data" {
  count = 2
  size  = 10
}
`;

const cases: [string, string, DriftEntry['changes'][number], unknown][] = [
  [
    'aws_db_instance',
    'aws_db_instance.app',
    { path: 'backup_retention_period', declared: 14, live: 7 },
    'variable',
  ],
  [
    'aws_security_group',
    'aws_security_group.app',
    { path: 'name', declared: 'app-payments', live: 'x' },
    'template',
  ],
  [
    'aws_security_group',
    'aws_security_group.app',
    { path: 'description', declared: 'The app tier\n', live: 'x' },
    'heredoc',
  ],
  [
    'aws_security_group',
    'aws_security_group.app',
    { path: 'ingress[0].from_port', declared: 443, live: 22 },
    'set-element',
  ],
  [
    'aws_security_group',
    'aws_security_group.app',
    { path: 'egress[0].from_port', declared: 0, live: 1 },
    'dynamic',
  ],
  [
    'aws_security_group',
    'aws_security_group.app',
    { path: 'tags.team', declared: 'payments', live: 'x' },
    'function',
  ],
  [
    'aws_db_instance',
    'aws_db_instance.app',
    { path: 'password', declared: '(sensitive)', live: '(sensitive)' },
    'secret',
  ],
  [
    'aws_db_instance',
    'aws_db_instance.app',
    { path: 'allocated_storage', declared: 50, live: 200 },
    'code-differs',
  ],
  ['aws_db_instance', 'aws_db_instance.app', { path: 'tags.Name', declared: 'app', live: null }, 'removed'],
  [
    'aws_db_instance',
    'aws_db_instance.app',
    { path: 'multi_az', declared: false, live: true },
    'not-in-code',
  ],
  ['aws_db_instance', 'aws_db_instance.other', { path: 'multi_az', declared: false, live: true }, 'no-block'],
  ['aws_ebs_volume', 'aws_ebs_volume.data[1]', { path: 'size', declared: 10, live: 20 }, 'instances'],
];

describe('driftwarden fix: what it cannot patch, and why', () => {
  for (const [type, address, change, why] of cases) {
    it(`${address} ${change.path}: ${why}`, () => {
      const plan = planFixes([changed(type, address, [change])], [new CodeFile('main.tf', CODE)]);
      expect(plan.proposals[0]?.attributes[0]).toMatchObject({ path: change.path, patched: false, why });
      expect(plan.patch).toBe('');
    });
  }

  it('patches a literal in a nested block, and the line it names is the value', () => {
    const plan = planFixes(
      [
        changed('aws_s3_bucket', 'aws_s3_bucket.legacy', [
          { path: 'versioning.enabled', declared: true, live: false },
        ]),
      ],
      [new CodeFile('main.tf', CODE)],
    );
    expect(plan.proposals[0]?.attributes).toEqual([{ path: 'versioning.enabled', patched: true, line: 47 }]);
    const dir = gitRepo({ 'main.tf': CODE });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    expect(readText(dir, 'main.tf')).toBe(CODE.replace('    enabled = true', '    enabled = false'));
  });

  it('a block declared twice is ambiguous; a file that does not parse is named with its line, the others patched', () => {
    const queue = 'resource "aws_sqs_queue" "q" {\n  delay_seconds = 0\n}\n';
    const broken = new CodeFile(
      'broken.tf',
      'resource "aws_sqs_queue" "b" {\n  tags = {\n    a = "x\n  }\n}\n',
    );
    const entries = [
      changed('aws_sqs_queue', 'aws_sqs_queue.q', [{ path: 'delay_seconds', declared: 0, live: 5 }]),
    ];
    const twice = planFixes(entries, [new CodeFile('a.tf', queue), new CodeFile('a_override.tf', queue)]);
    expect(twice.proposals[0]?.attributes[0]).toMatchObject({ patched: false, why: 'ambiguous' });
    const plan = planFixes(entries, [broken, new CodeFile('a.tf', queue)]);
    expect(plan.proposals[0]?.attributes[0]).toEqual({ path: 'delay_seconds', patched: true, line: 2 });
    expect(broken.problem).toBe('broken.tf:3: a string is not closed');
  });

  it('keeps a byte order mark, and patches the file after it', () => {
    const text = '\ufeffresource "aws_sqs_queue" "q" {\n  delay_seconds = 0\n}\n';
    const plan = planFixes(
      [changed('aws_sqs_queue', 'aws_sqs_queue.q', [{ path: 'delay_seconds', declared: 0, live: 5 }])],
      [new CodeFile('q.tf', text)],
    );
    expect(plan.files[0]?.after).toBe(text.replace('= 0', '= 5'));
    const dir = gitRepo({ 'q.tf': text });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    expect(readText(dir, 'q.tf')).toBe(text.replace('= 0', '= 5'));
  });

  it('writes hunks far apart and near each other, and a last line without a line break, that git apply takes', () => {
    const lines = ['resource "aws_sqs_queue" "q" {', '  delay_seconds = 0'];
    for (let i = 0; i < 12; i++) lines.push(`  # line ${i}`);
    lines.push('  max_message_size = 1024', '  visibility_timeout_seconds = 30', '  fifo_queue = false }');
    const text = lines.join('\n');
    const plan = planFixes(
      [
        changed('aws_sqs_queue', 'aws_sqs_queue.q', [
          { path: 'delay_seconds', declared: 0, live: 5 },
          { path: 'max_message_size', declared: 1024, live: 2048 },
          { path: 'fifo_queue', declared: false, live: true },
        ]),
      ],
      [new CodeFile('q.tf', text)],
    );
    expect(plan.patch.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -12,6 +12,6 @@']);
    expect(plan.patch).toContain('+  fifo_queue = true }\n\\ No newline at end of file\n');
    const dir = gitRepo({ 'q.tf': text });
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    expect(readText(dir, 'q.tf')).toBe(
      text.replace('= 0', '= 5').replace('= 1024', '= 2048').replace('false }', 'true }'),
    );
  });
});

describe('driftwarden fix on hostile code', () => {
  const queue = 'resource "aws_sqs_queue" "q" {\n  delay_seconds = 0\n}\n';
  const entry = changed('aws_sqs_queue', 'aws_sqs_queue.q', [
    { path: 'delay_seconds', declared: 0, live: 5 },
  ]);
  const hostile: [string, string, string][] = [
    [
      'templates nested 100,000 deep',
      `a = "${'${"'.repeat(100_000)}"\n`,
      'deep.tf:1: templates nested deeper than 100',
    ],
    [
      'brackets nested 100,000 deep',
      `a = ${'['.repeat(100_000)}\n`,
      'deep.tf:1: values nested deeper than 100',
    ],
    [
      'blocks nested 100,000 deep',
      `${'b {\n'.repeat(100_000)}`,
      'deep.tf:101: blocks nested deeper than 100',
    ],
    ['a heredoc never closed', 'a = <<EOT\nx\n', 'deep.tf:1: a heredoc is not closed by EOT'],
    ['a comment never closed', 'a = 1 /* x\n', 'deep.tf:1: a comment is not closed'],
  ];
  for (const [name, text, problem] of hostile) {
    it(`${name}: one problem naming the file and line, and the other files are still patched`, () => {
      const bad = new CodeFile('deep.tf', text);
      const plan = planFixes([entry], [bad, new CodeFile('q.tf', queue)]);
      expect(bad.problem).toBe(problem);
      expect(plan.proposals[0]?.attributes).toEqual([{ path: 'delay_seconds', patched: true, line: 2 }]);
    });
  }
});
