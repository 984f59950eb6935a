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
