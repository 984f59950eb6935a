import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlainDirectory } from '../../connectors/iac/plain-dir.js';
import type { Diagnostic } from '../../src/model/report.js';
import { runCli, tempDir } from '../helpers/cli.js';

/* --repo on a folder that is in no git repository (issue 15): code copied out of a repository, an unpacked archive. */

interface Report {
  violations: { ruleId: string; key: string; location?: { file?: string; line?: number } }[];
  scan: { complete: boolean; sources: { status: string; problems?: string[] }[] };
}

const admin = (name: string) =>
  `resource "aws_iam_policy" "${name}" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n`;

async function scan(cwd: string, args: string[]) {
  return runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
}

const admins = (report: Report) =>
  report.violations
    .filter((v) => v.ruleId === 'DW-AWS-IAM-001')
    .map((v) => [v.key, v.location?.file, v.location?.line])
    .sort();

describe('--repo on a plain folder', () => {
  it('reads its code, modules and links like a repository, and leaves out hidden folders and node_modules', async () => {
    const dir = tempDir({
      'main.tf': `module "net" {\n  source = "./modules/net"\n}\n${admin('root')}`,
      'modules/net/main.tf': admin('net'),
      'shared/extra.tf': admin('linked'),
      '.terraform/modules/copy/main.tf': admin('downloaded'),
      'node_modules/pkg/main.tf': admin('package'),
      '.hidden.tf': admin('hidden'),
      'README.md': '# not code\n',
    });
    symlinkSync('shared/extra.tf', join(dir, 'extra.tf'));
    const result = await scan(dir, ['--repo', '.']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.scan.complete).toBe(true);
    expect(admins(report)).toEqual([
      ['aws_iam_policy.(shared).aws_iam_policy.linked', 'shared/extra.tf', 1],
      ['aws_iam_policy.aws_iam_policy.linked', 'extra.tf', 1],
      ['aws_iam_policy.aws_iam_policy.root', 'main.tf', 4],
      ['aws_iam_policy.module.net.aws_iam_policy.net', 'modules/net/main.tf', 1],
    ]);
  });

  it('refuses a link that leaves the folder, and still reads the rest', async () => {
    const outside = tempDir({ 'secret.tf': admin('outside') });
    const dir = tempDir({ 'main.tf': admin('root') });
    symlinkSync(join(outside, 'secret.tf'), join(dir, 'escape.tf'));
    const result = await scan(dir, ['--repo', '.']);
    const report = JSON.parse(result.stdout) as Report;
    expect(admins(report)).toEqual([['aws_iam_policy.aws_iam_policy.root', 'main.tf', 1]]);
    expect(report.scan.sources[0]?.problems?.some((p) => p.startsWith('escape.tf: symbolic link'))).toBe(
      true,
    );
  });

  it('one-line errors: no such folder, a file, and --ref, which needs git', async () => {
    const dir = tempDir({ 'main.tf': admin('root') });
    expect((await scan(dir, ['--repo', 'main.tf'])).stderr).toBe(
      'driftwarden: error: main.tf: not a folder; --repo takes the folder of the code, e.g. --repo .\n',
    );
    expect((await scan(dir, ['--repo', '.', '--ref', 'main'])).stderr).toBe(
      'driftwarden: error: .: not a git repository, so --ref main cannot be read\n',
    );
    expect((await scan(dir, ['--repo', 'gone'])).stderr).toBe('driftwarden: error: gone: no such folder\n');
  });

  it('lists files in a stable order, folders skipped as git ignores them', async () => {
    const dir = tempDir({
      'b/x.tf': '',
      'a.tf': '',
      'b/a.yml': '',
      '.git/config': '',
      'node_modules/m/i.tf': '',
    });
    mkdirSync(join(dir, 'empty'));
    const diagnostics: Diagnostic[] = [];
    expect(await listPlainDirectory(dir, diagnostics)).toEqual([
      { path: 'a.tf', mode: '100644' },
      { path: 'b/a.yml', mode: '100644' },
      { path: 'b/x.tf', mode: '100644' },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
