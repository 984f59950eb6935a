import { existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { changedBetween, materializeAtRef } from '../../src/action/git-refs.js';
import { gitRepository } from '../helpers/action.js';

describe('commit copies for a pull request scan', () => {
  it('copy only regular files, readable by the runner alone, named exactly, and are removed', async () => {
    const names = ['states/infra-ü.tfstate', 'states/tab\there.tfstate', 'states/new\nline.tfstate'];
    const repo = await gitRepository(Object.fromEntries(names.map((n, i) => [n, `{"n":${i}}`])), {});
    symlinkSync('/etc/passwd', join(repo.dir, 'states/leak.tfstate'));
    const git = simpleGit(repo.dir);
    await git.add('.').commit('symlink');
    const head = (await git.revparse(['HEAD'])).trim();
    const copy = await materializeAtRef(repo.dir, head, ['states/*.tfstate']);
    try {
      expect([...copy.files].sort()).toEqual([...names].sort());
      expect(copy.has('states/leak.tfstate')).toBe(false);
      for (const [i, name] of names.entries()) {
        expect(readFileSync(join(copy.dir, name), 'utf8')).toBe(`{"n":${i}}`);
        expect(statSync(join(copy.dir, name)).mode & 0o077).toBe(0);
      }
      expect(statSync(copy.dir).mode & 0o077).toBe(0);
      expect(await changedBetween(repo.dir, repo.base, head, ['states/*.tfstate'])).toEqual([
        'states/leak.tfstate',
      ]);
    } finally {
      await copy.cleanup();
    }
    expect(existsSync(copy.dir)).toBe(false);
  });

  it('refuse a commit that is not in the checkout, naming what to do', async () => {
    const repo = await gitRepository({ a: 'x' }, {});
    await expect(materializeAtRef(repo.dir, 'f'.repeat(40), ['*'])).rejects.toThrow(/fetch-depth: 0/);
  });
});
