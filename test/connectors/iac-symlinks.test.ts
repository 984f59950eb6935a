import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { followLinks, LINKED_PATHS } from '../../connectors/iac/symlinks.js';
import { runCli, tempDir } from '../helpers/cli.js';

/*
 * Symbolic links and subdirectories of a repository (issue 14), in real git repositories, in the working tree and
 * at a ref: links that stay inside the repository are followed, links that leave it or loop are refused and named.
 */

interface Report {
  violations: { ruleId: string; key: string; location?: { file?: string; line?: number } }[];
  scan: { sources: { problems?: string[] }[]; diagnostics: { code: string; source?: string }[] };
}

const admin = (name: string) =>
  `resource "aws_iam_policy" "${name}" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n`;

/** A committed repository of `files`, with `links` (path -> target, as written) made before the commit. */
async function repository(
  files: Record<string, string>,
  links: Record<string, string> = {},
): Promise<string> {
  const dir = tempDir(files);
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('code');
  return dir;
}

async function scan(cwd: string, args: string[], code: number): Promise<Report> {
  const result = await runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  expect(result.code, result.stderr).toBe(code);
  return JSON.parse(result.stdout) as Report;
}

const admins = (report: Report) =>
  report.violations
    .filter((v) => v.ruleId === 'DW-AWS-IAM-001')
    .map((v) => [v.key, v.location?.file, v.location?.line]);

describe('symbolic links', () => {
  it('a linked .tf file and a linked module directory inside the repository are read through the link', async () => {
    const dir = await repository(
      {
        'shared/policy.tf': admin('shared'),
        'modules/real/main.tf': admin('inner'),
        'envs/prod/main.tf': 'module "m" {\n  source = "./linked"\n}\n',
      },
      { 'envs/prod/policy.tf': '../../shared/policy.tf', 'envs/prod/linked': '../../modules/real' },
    );
    for (const ref of [[], ['--ref', 'HEAD']]) {
      const report = await scan(dir, ['--repo', '.', ...ref], 0);
      expect(admins(report)).toEqual([
        ['aws_iam_policy.(envs/prod).aws_iam_policy.shared', 'envs/prod/policy.tf', 1],
        ['aws_iam_policy.(envs/prod).module.m.aws_iam_policy.inner', 'envs/prod/linked/main.tf', 1],
        // The module's own folder is called by no module under its real path: a root module of its own.
        ['aws_iam_policy.(modules/real).aws_iam_policy.inner', 'modules/real/main.tf', 1],
        ['aws_iam_policy.(shared).aws_iam_policy.shared', 'shared/policy.tf', 1],
      ]);
      expect(report.scan.diagnostics.map((d) => d.code)).not.toContain('iac.module-missing');
    }
  });

  it('links that leave the repository, loop, or lead nowhere are refused, one line each naming the link', async () => {
    const outside = tempDir({ 'admin.tf': admin('outside') });
    const dir = await repository(
      { 'ok.tf': admin('ok'), 'README.md': 'docs\n' },
      {
        'abs.tf': join(outside, 'admin.tf'),
        'up.tf': '../outside.tf',
        outdir: outside,
        loop: '.',
        'a.tf': 'b.tf',
        'b.tf': 'a.tf',
        'gone.tf': 'nowhere.tf',
        'docs.md': 'README.md', // not code: followed quietly, never named
      },
    );
    for (const ref of [[], ['--ref', 'HEAD']]) {
      const report = await scan(dir, ['--repo', '.', ...ref], 3);
      expect(admins(report).map(([key]) => key)).toEqual(['aws_iam_policy.aws_iam_policy.ok']);
      expect(report.scan.sources[0]?.problems).toEqual([
        'a.tf: symbolic link loops back to itself or a directory it is in; not followed',
        'abs.tf: symbolic link leads outside the repository; not followed',
        'b.tf: symbolic link loops back to itself or a directory it is in; not followed',
        'gone.tf: symbolic link to a path the repository does not hold; not followed',
        'loop: symbolic link loops back to itself or a directory it is in; not followed',
        'outdir: symbolic link leads outside the repository; not followed',
        'up.tf: symbolic link leads outside the repository; not followed',
      ]);
    }
  });

  it('links that would multiply a large directory stop at a bound, each named, in linear time', () => {
    const files = Array.from({ length: 1000 }, (_, n) => ({ path: `big/f${n}.tf`, mode: '100644' }));
    const links = Array.from({ length: 1000 }, (_, n) => ({ path: `l${n}`, mode: '120000' }));
    const targets = new Map(links.map((link) => [link.path, 'big']));
    const started = Date.now();
    const { entries, problems } = followLinks([...files, ...links], targets, () => true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(entries.length).toBeLessThanOrEqual(files.length + LINKED_PATHS);
    expect(problems).toHaveLength(1000 - LINKED_PATHS / 1000);
    expect(problems[0]).toEqual({
      path: `l${LINKED_PATHS / 1000}`,
      message: 'symbolic links add more than 100,000 paths; not followed',
    });
  });
});

describe('--repo on a subdirectory of a git repository', () => {
  it('reads that directory alone, its files named from where the scan runs, in the working tree and at a ref', async () => {
    const dir = await repository({ 'infra/main.tf': admin('infra'), 'other/main.tf': admin('other') });
    for (const ref of [[], ['--ref', 'HEAD']]) {
      expect(admins(await scan(dir, ['--repo', 'infra', ...ref], 0))).toEqual([
        ['aws_iam_policy.aws_iam_policy.infra', 'infra/main.tf', 1],
      ]);
      expect(admins(await scan(join(dir, 'infra'), ['--repo', '.', ...ref], 0))).toEqual([
        ['aws_iam_policy.aws_iam_policy.infra', 'main.tf', 1],
      ]);
    }
  });
});
