import { join, posix, relative } from 'node:path';
import { simpleGit } from 'simple-git';
import { isInside, type ScanSettings } from '../config/resolve.js';
import type { ConnectorContext } from '../connector/types.js';
import { DriftwardenError } from '../errors.js';
import type { DriftEntry, Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { withFindings } from '../scan/build-report.js';
import { collectLive } from '../scan/collect.js';
import { type ExecutedScan, executeScan } from '../scan/execute-scan.js';
import { localFilesOf } from '../scan/source-spec.js';
import { type CommitFiles, changedBetween, commitExists, materializeAtRef } from './git-refs.js';
import { inlineWaiverTrust, type KeyedInlineWaiver } from './inline-trust.js';
import type { ActionInputs } from './inputs.js';
import { declaredChanges, driftOnTouched, type PrChanges } from './pr-changes.js';
import {
  type ActionTree,
  actionSettings,
  configPathOf,
  loadActionConfig,
  settingsAtCommit,
  workingDirOf,
} from './settings.js';

export interface PullRequestScan {
  /** The head, every finding marked new or unchanged against the base: for SARIF and the outputs. */
  head: Report;
  /**
   * What the pull request introduces: its new findings, and live drift on the resources it touches. The gate, the
   * comment's tables and the annotations read this.
   */
  introduced: Report;
  rules: readonly CatalogueRule[];
  changes: PrChanges;
  /** Live drift on resources the pull request touches: applying it would revert a change made outside Terraform. */
  touched: DriftEntry[];
  /** Drift and live violations that were there before the pull request, on resources it does not touch. */
  already: { drift: DriftEntry[]; violations: number };
  /** Trusted files (config, ignore file, policies) that the pull request changes; the base's were used. */
  trustedChanges: string[];
  /** Inline waivers the pull request adds: not honoured (its findings count for the gate) until it is merged. */
  addedWaivers: KeyedInlineWaiver[];
  /** The settings used, from the base commit: the gate's `failOn` comes from here. */
  settings: ScanSettings;
}

/** The base commit has no config, and the inputs name nothing to scan: nothing trusted to do yet. */
export interface NotYetConfigured {
  notConfigured: string;
}

/**
 * A pull request, scanned as a reviewer needs it:
 * - the settings (config file, ignore file, waivers, policies) come from the base commit, the trusted side: the
 *   pull request's own versions of them are named in the comment, never used; so are the inline waivers in code
 *   that the base does not have;
 * - state and plan files are copied out of git at the base and at the head (only regular files, never a
 *   symlink), and code is read from git at each commit;
 * - the live side is read once and both commits are compared with that one reading, so that drift which was there
 *   before the pull request is never counted as its doing;
 * - a finding is introduced when the head has it and the base does not, or when it is live drift on a resource
 *   the pull request changes (applying it would revert a change made outside Terraform).
 */
export async function scanPullRequest(
  inputs: ActionInputs,
  workspace: string,
  refs: { base: string; head: string },
  ctx: ConnectorContext,
  version: string,
): Promise<PullRequestScan | NotYetConfigured> {
  await ensureCommit(workspace, refs.base);
  const workingDir = workingDirOf(inputs);
  const configRel = configPathOf(inputs);
  const ignoreRel = posix.join(workingDir, '.driftignore');
  const trusted = await materializeAtRef(workspace, refs.base, [configRel, ignoreRel]);
  const cleanups: CommitFiles[] = [trusted];
  try {
    const firstTree: ActionTree = { root: trusted.dir, workingDir };
    const loaded = await loadActionConfig(inputs, firstTree);
    if (!loaded && inputs.state.length === 0 && inputs.live.length === 0)
      return {
        notConfigured: trusted.has(configRel)
          ? `${configRel} names nothing to scan`
          : `${configRel} is not on the base branch yet: driftwarden reads its settings from the base (the trusted side), so it scans pull requests once ${configRel} is merged`,
      };
    const planned = actionSettings(inputs, firstTree, loaded);
    const needed = localPatterns(planned, trusted.dir);
    const base = await materializeAtRef(workspace, refs.base, [
      configRel,
      ignoreRel,
      ...needed.declared,
      ...needed.trusted,
    ]);
    cleanups.push(base);
    const head = await materializeAtRef(workspace, refs.head, needed.declared);
    cleanups.push(head);

    const rebase = (tree: ActionTree) =>
      loaded ? { ...loaded, baseDir: join(tree.root, workingDir) } : undefined;
    // Each commit's settings read its copy; code is read from git at the commit (settingsAtCommit).
    const baseTree: ActionTree = { root: base.dir, workingDir };
    const headTree: ActionTree = { root: head.dir, workingDir };
    const baseSettings = onlyPresent(
      settingsAtCommit(actionSettings(inputs, baseTree, rebase(baseTree)), {
        root: base.dir,
        checkout: workspace,
        ref: refs.base,
      }),
      base,
    );
    const headDeclared = settingsAtCommit(actionSettings(inputs, headTree, rebase(headTree)), {
      root: head.dir,
      checkout: workspace,
      ref: refs.head,
    });
    // The head is judged by the base's rules: its ignore file, policies and waivers.
    const headSettings: ScanSettings = {
      ...baseSettings,
      sources: headDeclared.sources.filter((source) => source.side === 'declared'),
    };

    const liveSpecs = baseSettings.sources.filter((source) => source.side === 'live');
    const baseCtx = sideContext(ctx, base.dir, workspace);
    const live = liveSpecs.length > 0 ? await collectLive(liveSpecs, baseCtx) : undefined;
    const shared = live ? { live } : {};
    const baseScan = await executeScan(
      { ...baseSettings, sources: baseSettings.sources.filter((source) => source.side === 'declared') },
      baseCtx,
      version,
      shared,
    );
    const waiverTrust = inlineWaiverTrust(baseScan.resources);
    const headScan = await executeScan(headSettings, sideContext(ctx, head.dir, workspace), version, {
      ...shared,
      baseline: { report: baseScan.report, source: `the base commit ${refs.base.slice(0, 7)}` },
      trustsInlineWaiver: waiverTrust.trusts,
    });
    const trustedChanges = await changedBetween(workspace, refs.base, refs.head, [
      configRel,
      ignoreRel,
      ...needed.trusted,
    ]);
    return {
      ...introducedBy(baseScan, headScan),
      rules: headScan.rules,
      trustedChanges,
      addedWaivers: waiverTrust.untrusted(headScan.resources),
      settings: baseSettings,
    };
  } finally {
    for (const files of cleanups) await files.cleanup();
  }
}

/**
 * The context of one side's scan: relative paths resolve in the commit's copy, and every file is named relative to
 * the repository root, whether read from the copy (state, plans) or from git in the checkout (code).
 */
function sideContext(ctx: ConnectorContext, dir: string, workspace: string): ConnectorContext {
  return {
    ...ctx,
    cwd: dir,
    confine: dir,
    fileName: (absolute) => {
      for (const root of [dir, workspace])
        if (isInside(root, absolute)) return relative(root, absolute).replaceAll('\\', '/');
      return absolute;
    },
  };
}

/** The base commit is needed for its settings; a shallow checkout gets it fetched, as actions/checkout would. */
async function ensureCommit(workspace: string, sha: string): Promise<void> {
  if (await commitExists(workspace, sha)) return;
  try {
    await simpleGit(workspace).raw(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  } catch {
    // reported below
  }
  if (!(await commitExists(workspace, sha)))
    throw new DriftwardenError(
      'input',
      `the pull request's base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched; driftwarden reads its settings from the base, so check out with actions/checkout and fetch-depth: 0`,
    );
}

/**
 * The repository-relative paths and globs the settings read: the declared files (state, plans), copied at both
 * commits, and the trusted ones (live snapshots, ignore file, policies), copied from the base only.
 */
function localPatterns(settings: ScanSettings, root: string): { declared: string[]; trusted: string[] } {
  const rel = (path: string) => relative(root, path).replaceAll('\\', '/');
  const declared: string[] = [];
  const trusted: string[] = [];
  for (const source of settings.sources)
    for (const file of localFilesOf(source))
      (source.side === 'declared' ? declared : trusted).push(rel(file));
  if (settings.ignoreFile) trusted.push(rel(settings.ignoreFile.path));
  for (const dir of [...settings.policies.dirs, ...settings.policies.bundles])
    trusted.push(`${rel(dir.path)}/**`);
  return { declared, trusted };
}

/** At the base, a state or plan the pull request adds is not there yet: only what the commit has is read. */
function onlyPresent(settings: ScanSettings, files: CommitFiles): ScanSettings {
  return {
    ...settings,
    sources: settings.sources.filter(
      (source) =>
        source.side === 'live' ||
        localFilesOf(source).every((file) => files.has(relative(files.dir, file).replaceAll('\\', '/'))),
    ),
  };
}

function introducedBy(
  base: ExecutedScan,
  head: ExecutedScan,
): Pick<PullRequestScan, 'head' | 'introduced' | 'changes' | 'touched' | 'already'> {
  const changes = declaredChanges(base.resources, head.resources);
  const touched = driftOnTouched(head.report, changes);
  const touchedKeys = new Set(touched.map((entry) => entry.key));
  const report = head.report;
  const drift = report.drift.filter((entry) => entry.status === 'new' || touchedKeys.has(entry.key));
  const violations = report.violations.filter((violation) => violation.status === 'new');
  const already = {
    drift: report.drift.filter((entry) => entry.status === 'unchanged' && !touchedKeys.has(entry.key)),
    violations: report.violations.filter((v) => v.status === 'unchanged' && v.origin === 'live').length,
  };
  return { head: report, introduced: withFindings(report, drift, violations), changes, touched, already };
}
