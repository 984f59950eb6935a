/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { parseTerraform, type SourceFile } from '../../connectors/iac/terraform-hcl.js';
import type { Diagnostic } from '../../src/model/report.js';

/** Minimal reproductions of shapes found in real repositories, read as `driftwarden scan --repo` reads them. */
async function read(files: Record<string, string>) {
  const diagnostics: Diagnostic[] = [];
  const list: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const resources = await parseTerraform(list, diagnostics);
  return { resources, diagnostics, addresses: resources.map((r) => r.address) };
}

const BUCKET =
  'variable "name" {\n  default = "default"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n';

describe('local module sources', () => {
  it('a trailing slash names the same folder: "./mod/" and "../../" are called, not read as roots', async () => {
    const { resources, diagnostics } = await read({
      'main.tf': BUCKET,
      'examples/complete/main.tf': 'module "root" {\n  source = "../../"\n  name   = "from-example"\n}\n',
      'examples/complete/child.tf': 'module "m" {\n  source = "./mod/"\n  name   = "from-child-call"\n}\n',
      'examples/complete/mod/main.tf': BUCKET,
    });
    expect(resources.map((r) => [r.address, r.attributes.bucket])).toEqual([
      ['module.root.aws_s3_bucket.b', 'from-example'],
      ['module.m.aws_s3_bucket.b', 'from-child-call'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('a local path with no Terraform files, or one leading out of the repository, is named at the call', async () => {
    const { addresses, diagnostics } = await read({
      'main.tf': [
        'module "gone" {\n  source = "./modules/gone"\n}\n',
        'module "out" {\n  source = "../../shared"\n}\n',
        'resource "aws_s3_bucket" "kept" {\n  bucket = "kept"\n}\n',
      ].join(''),
    });
    expect(addresses).toEqual(['aws_s3_bucket.kept']);
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'iac.module-missing',
        message:
          'module "gone" (./modules/gone): modules/gone holds no Terraform files in the repository; not read',
        source: 'main.tf:1',
      },
      {
        level: 'warning',
        code: 'iac.module-missing',
        message: 'module "out" (../../shared) leads outside the repository; not read',
        source: 'main.tf:4',
      },
    ]);
  });
});

describe('dynamic blocks', () => {
  it('expand lists, maps and sets, with iterator and nested dynamic blocks, after the static blocks', async () => {
    const { resources } = await read({
      'main.tf': `variable "rules" {
  default = {
    kms = { algorithm = "aws:kms", keys = ["k1", "k2"] }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = "b"
  rule {
    bucket_key_enabled = false
  }
  dynamic "rule" {
    for_each = var.rules
    iterator = r
    content {
      bucket_key_enabled = r.key == "kms"
      dynamic "apply_server_side_encryption_by_default" {
        for_each = toset(r.value.keys)
        content {
          sse_algorithm     = r.value.algorithm
          kms_master_key_id = apply_server_side_encryption_by_default.value
        }
      }
    }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "later" {
  bucket = "later"
  dynamic "rule" {
    for_each = var.unknown_rules
    content {
      bucket_key_enabled = true
    }
  }
}
`,
    });
    expect(resources.map((r) => r.attributes)).toEqual([
      {
        bucket: 'b',
        rule: [
          { bucket_key_enabled: false },
          {
            bucket_key_enabled: true,
            apply_server_side_encryption_by_default: [
              { sse_algorithm: 'aws:kms', kms_master_key_id: 'k1' },
              { sse_algorithm: 'aws:kms', kms_master_key_id: 'k2' },
            ],
          },
        ],
      },
      { bucket: 'later', rule: { __unknown: true, reason: 'expression' } },
    ]);
  });

  it('blocks past the limit are unknown and reported, not absent', async () => {
    const { resources, diagnostics } = await read({
      'main.tf': `resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = "b"
  dynamic "rule" {
    for_each = [${Array(200).fill('1').join(', ')}]
    content {
      dynamic "apply_server_side_encryption_by_default" {
        for_each = [${Array(100).fill('1').join(', ')}]
        content {
          sse_algorithm = "AES256"
        }
      }
    }
  }
}
`,
    });
    expect(resources[0]?.attributes.rule).toEqual({ __unknown: true, reason: 'expression' });
    expect(diagnostics.map((d) => [d.code, d.source, d.message])).toEqual([
      [
        'iac.limit',
        'main.tf:1',
        'aws_s3_bucket_server_side_encryption_configuration.b dynamic blocks: dynamic blocks produce more than 10,000 blocks; read as unknown',
      ],
    ]);
  });
});

describe('Terraform JSON syntax (*.tf.json)', () => {
  const main = `{
  "//": "generated",
  "variable": {
    "env": { "default": "prod" }
  },
  "locals": { "prefix": "acme-\${var.env}" },
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "\${local.prefix}-logs",
        "tags": { "env": "\${var.env}" }
      }
    },
    "aws_ebs_volume": {
      "data": [{
        "count": "\${var.env == \\"prod\\" ? 2 : 0}",
        "size": 10,
        "dynamic": {
          "tag": { "for_each": ["a"], "content": { "key": "\${tag.value}" } }
        }
      }]
    }
  },
  "module": {
    "child": { "source": "./child", "name": "from-json" }
  }
}
`;

  it('reads resources, variables, locals, modules, count and dynamic blocks, at the line of each block', async () => {
    const { resources, diagnostics } = await read({
      'main.tf.json': main,
      'child/main.tf': 'variable "name" {}\nresource "aws_sns_topic" "t" {\n  name = var.name\n}\n',
      'terraform.tfvars.json': '{ "env": "prod" }\n',
    });
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => [r.address, r.file, r.line, r.attributes])).toEqual([
      ['aws_s3_bucket.logs', 'main.tf.json', 9, { bucket: 'acme-prod-logs', tags: { env: 'prod' } }],
      ['aws_ebs_volume.data[0]', 'main.tf.json', 15, { size: 10, tag: [{ key: 'a' }] }],
      ['aws_ebs_volume.data[1]', 'main.tf.json', 15, { size: 10, tag: [{ key: 'a' }] }],
      ['module.child.aws_sns_topic.t', 'child/main.tf', 2, { name: 'from-json' }],
    ]);
  });

  it('a .tf.json file that does not parse is named at file:line; the other files are read', async () => {
    const { addresses, diagnostics } = await read({
      'bad.tf.json': '{\n  "resource": {\n    "aws_s3_bucket": { "b": { "bucket": "b", } }\n  }\n}\n',
      'list.tf.json': '[1, 2]\n',
      'main.tf': 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
    });
    expect(addresses).toEqual(['aws_sns_topic.t']);
    expect(diagnostics.map((d) => [d.source, d.message])).toEqual([
      ['bad.tf.json:3', 'cannot parse JSON at line 3, column 46: expected a property name'],
      ['list.tf.json:1', 'a Terraform JSON file must hold one object'],
    ]);
  });
});

describe('unexpected shapes at the top level', () => {
  it('an attribute where Terraform expects blocks is one error at file:line; the other blocks and files are read', async () => {
    const { resources, diagnostics } = await read({
      'locals.tf': 'locals = {\n  name = "x"\n}\nresource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
      'resources.tf':
        'variable "v" {\n  default = "v"\n}\nresource "aws_sqs_queue" "q" {\n  name = var.v\n}\n\nresource = { a = 1 }\n',
      'ok.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = var.v\n}\n',
    });
    expect(resources.map((r) => [r.address, r.attributes])).toEqual([
      ['aws_sns_topic.t', { name: 't' }],
      ['aws_s3_bucket.b', { bucket: 'v' }],
    ]);
    expect(diagnostics).toEqual([
      {
        level: 'error',
        code: 'iac.invalid',
        message:
          '`locals = ...` at line 1 is an attribute where Terraform expects blocks (`locals { ... }`), and rejects the file; its locals blocks are not read, its other blocks are',
        source: 'locals.tf:1',
      },
      {
        level: 'error',
        code: 'iac.invalid',
        message:
          '`resource = ...` at line 8 is an attribute where Terraform expects blocks (`resource { ... }`), and rejects the file; its resource blocks are not read, its other blocks are',
        source: 'resources.tf:8',
      },
    ]);
  });
});
