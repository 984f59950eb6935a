import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

/**
 * A git repository holding the given files, committed, in which a patch is checked with `git apply --check` and
 * then applied, as a user (or the Action's pull request) applies what `driftwarden fix` writes.
 */
export function gitRepo(files: Record<string, string>, prepare?: (dir: string) => void): string {
  const dir = tempDir(files);
  prepare?.(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@127.0.0.1', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'code');
  return dir;
}

/** `git apply --check`, then `git apply`: the error text when either fails, else undefined. */
export function gitApply(dir: string, patch: string): string | undefined {
  writeFileSync(join(dir, '.fix.patch'), patch);
  for (const args of [
    ['apply', '--check', '.fix.patch'],
    ['apply', '.fix.patch'],
  ]) {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) return result.stderr;
  }
  return undefined;
}

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** `terraform fmt -check` of a file when terraform is installed (it parses HCL offline), else undefined. */
export function terraformFmtCheck(dir: string, path: string): { ok: boolean; output: string } | undefined {
  const probe = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.log('NOTICE: terraform is not installed; the patched files are parsed with hcl2json only');
    return undefined;
  }
  const result = spawnSync('terraform', ['fmt', '-check', '-diff', path], { cwd: dir, encoding: 'utf8' });
  return { ok: result.status === 0, output: result.stdout };
}
