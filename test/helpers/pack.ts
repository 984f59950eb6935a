import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/util/package-info.js';
import { startLocalRegistry } from './local-registry.js';

const run = promisify(execFile);

/** What `npm pack --json` says about the tarball it wrote. */
export interface PackResult {
  tarball: string;
  files: string[];
}

export interface Installed {
  /** The folder everything lives in; remove it with `cleanup`. */
  dir: string;
  pack: PackResult;
  /** The CLI of the tarball installed into an empty folder (`node_modules/.bin/driftwarden`). */
  localBin: string;
  /** Where that install put the package (`node_modules/driftwarden`). */
  localPackage: string;
  /** The CLI of the tarball installed globally (`npm install -g --prefix <dir>`). */
  globalBin: string;
  /** Where the global install put the package (`<prefix>/lib/node_modules/driftwarden`). */
  globalPackage: string;
  /** Packages npm asked the registry for that are not runtime dependencies in package-lock.json. */
  refused: string[];
  cleanup(): Promise<void>;
}

// Folders the package is not built from: copying them would only slow the staging down. The prepack build runs
// test/scripts/bundle-cli.ts and what it imports, the files of test/ it needs.
const NOT_BUILT_FROM = ['dist/', 'fixtures/', 'test/', 'examples/'];
const BUILT_FROM = ['test/scripts/bundle-cli.ts', 'test/scripts/merge-chunks.ts'];

/**
 * Packs the working tree as `npm publish` would and installs the tarball twice, into an empty folder and globally,
 * from a registry on 127.0.0.1 that holds only the runtime dependencies. The tree is copied first, so that the
 * prepack build (which empties dist/src) never races the other test files that run the built CLI.
 */
export async function packAndInstall(): Promise<Installed> {
  const root = packageRoot();
  const dir = mkdtempSync(join(tmpdir(), 'driftwarden-pack-'));
  const env = npmEnv(dir);
  const registry = await startLocalRegistry(join(root, 'package-lock.json'), npmCacheOf(root));
  try {
    const stage = stageWorkingTree(root, join(dir, 'stage'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: stage,
      env,
      maxBuffer: 64 * 2 ** 20,
    });
    const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
    const pack: PackResult = {
      tarball: join(dir, packed.filename),
      files: packed.files.map((file) => file.path).sort(),
    };
    const flags = ['--registry', registry.url, '--no-audit', '--no-fund', '--no-package-lock'];
    const project = join(dir, 'empty');
    mkdirSync(project);
    await run('npm', ['install', ...flags, pack.tarball], { cwd: project, env });
    const prefix = join(dir, 'global');
    await run('npm', ['install', '-g', '--prefix', prefix, ...flags, pack.tarball], { cwd: dir, env });
    return {
      dir,
      pack,
      localBin: join(project, 'node_modules', '.bin', 'driftwarden'),
      localPackage: join(project, 'node_modules', 'driftwarden'),
      globalBin: join(prefix, 'bin', 'driftwarden'),
      globalPackage: join(prefix, 'lib', 'node_modules', 'driftwarden'),
      refused: [...registry.refused],
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await registry.close();
  }
}

/** The files of the working tree (tracked, and new ones git does not ignore), with node_modules linked in. */
function stageWorkingTree(root: string, stage: string): string {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0')) {
    if (!file) continue;
    if (!BUILT_FROM.includes(file) && NOT_BUILT_FROM.some((prefix) => file.startsWith(prefix))) continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file), { dereference: false, errorOnExist: false });
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(stage, 'node_modules'));
  return stage;
}

/**
 * npm as a user runs it, away from this repository's npm: the npm_* variables of `npm test` are dropped, the
 * user config is an empty file and the cache a fresh folder, so every package comes from the local registry.
 */
function npmEnv(dir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
  const userconfig = join(dir, 'npmrc');
  writeFileSync(userconfig, '');
  return {
    ...env,
    npm_config_userconfig: userconfig,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    ...nodeHeaders(),
  };
}

/**
 * better-sqlite3 installs a prebuilt addon from GitHub, else builds one with node-gyp, which downloads Node's headers
 * from nodejs.org. Offline, both fail; the headers that come with this Node (`<prefix>/include/node`, as Debian's
 * and the official tarballs ship them) let node-gyp build it without the network, as on a machine with no access
 * to GitHub.
 */
function nodeHeaders(): NodeJS.ProcessEnv {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include/node/node.h')) ? { npm_config_nodedir: prefix } : {};
}

/** The cache npm ci filled, where the registry finds the tarballs of package-lock.json. */
function npmCacheOf(root: string): string {
  return execFileSync('npm', ['config', 'get', 'cache'], { cwd: root, encoding: 'utf8' }).trim();
}
