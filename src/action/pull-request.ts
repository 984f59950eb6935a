import { isAbsolute, resolve } from 'node:path';
import { isRemote, parseRepoSpec } from '../../connectors/iac/schema.js';
import { executeScan } from '../cli/execute-scan.js';
import type { ConnectorContext } from '../connector/types.js';
import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { renderMarkdown } from '../report/markdown.js';
import { materializeAtRef } from './git-refs.js';
import type { ActionInputs } from './inputs.js';
import { changesMarkdown, declaredChanges, driftOnTouched } from './pr-changes.js';
import { actionSettings } from './settings.js';

export interface PullRequestScan {
  head: Report;
  rules: readonly CatalogueRule[];
  /** The comment and summary body: what the pull request introduces and fixes. */
  markdown: string;
  /** Set when the base could not be read; the head was scanned alone. */
  baseProblem?: string;
}

/**
 * A pull request: the declared state is read at the base and at the head commit and both are evaluated; the report
 * keeps what the PR introduces (new findings) and lists what it fixes (resolved), and names the resources it adds,
 * changes or removes. With live sources configured, the head is also compared with the cloud, and resources the PR
 * touches that drifted are flagged.
 */
export async function scanPullRequest(
  inputs: ActionInputs,
  workspace: string,
  refs: { base: string; head: string },
  ctx: ConnectorContext,
  version: string,
): Promise<PullRequestScan> {
  const base0 = await actionSettings(inputs, workspace);
  // State files and plans are taken from each commit (materialised into a folder of their own); a plan is not state.
  const stateSpecs = base0.sources
    .filter((s) => s.side === 'declared' && s.connector.id !== 'iac' && s.connector.id !== 'terraform-plan')
    .map((s) => s.spec);
  const planSpecs = [
    ...new Set(base0.sources.filter((s) => s.connector.id === 'terraform-plan').map((s) => s.spec)),
  ];
  const declaredSpecs = [...stateSpecs, ...planSpecs];
  // At the base, a file the pull request adds is not there yet: only what the commit has is read.
  const files = (dir: string, present: (spec: string) => boolean = () => true) => ({
    state: stateSpecs.filter(present),
    plan: planSpecs.filter(present),
    baseDir: dir,
  });
  // Code is read by the iac connector straight from the repository at each commit, without a checkout.
  const code = base0.sources.find((s) => s.connector.id === 'iac');
  const codeRepo = code ? parseRepoSpec(code.spec).repo : undefined;
  const repo = codeRepo && !isRemote(codeRepo) ? resolve(code?.baseDir ?? workspace, codeRepo) : codeRepo;
  const at = (ref: string) => (repo ? { repo, ref } : {});
  const liveSpecs = base0.sources
    .filter((s) => s.side === 'live')
    .map((s) => absoluteSnapshot(`${s.connector.id}:${s.spec}`, s.baseDir ?? workspace));

  const head = await materializeAtRef(workspace, refs.head, declaredSpecs);
  const headSettings = await actionSettings(inputs, workspace, {
    ...files(head.dir),
    ...at(refs.head),
    ...(liveSpecs.length ? { live: liveSpecs } : {}),
  });
  let baseProblem: string | undefined;
  let baseScan: Awaited<ReturnType<typeof executeScan>> | undefined;
  try {
    const base = await materializeAtRef(workspace, refs.base, declaredSpecs);
    const baseSettings = await actionSettings(inputs, workspace, {
      ...files(base.dir, base.present),
      live: [],
      ...at(refs.base),
    });
    baseScan =
      base.files.length > 0 || repo
        ? await executeScan(baseSettings, { ...ctx, cwd: base.dir, baseDir: base.dir }, version)
        : undefined;
  } catch (error) {
    baseProblem = error instanceof Error ? error.message : String(error);
  }
  const headScan = await executeScan(
    headSettings,
    { ...ctx, cwd: head.dir, baseDir: head.dir },
    version,
    baseScan?.report ?? emptyBaseline(version),
  );
  const changes = declaredChanges(baseScan?.declared ?? new Map(), headScan.declared);
  const drifted = driftOnTouched(headScan.report, changes);
  const introduced: Report = {
    ...headScan.report,
    violations: headScan.report.violations.filter((v) => v.status === 'new'),
    drift: liveSpecs.length > 0 ? headScan.report.drift : [],
  };
  const notes = baseProblem
    ? `\n\n> :information_source: The base commit could not be read (${baseProblem}); every finding counts as new.`
    : '';
  const markdown = `${renderMarkdown(introduced, 50_000)}\n${changesMarkdown(changes, drifted)}${notes}\n`;
  return { head: headScan.report, rules: headScan.rules, markdown, ...(baseProblem ? { baseProblem } : {}) };
}

function absoluteSnapshot(spec: string, base: string): string {
  const match = /^snapshot:(.+)$/.exec(spec);
  if (!match?.[1] || isAbsolute(match[1])) return spec;
  return `snapshot:${resolve(base, match[1])}`;
}

/** With no readable base, every finding of the head is new. */
function emptyBaseline(version: string): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'driftwarden', version },
    scan: {
      startedAt: new Date(0).toISOString(),
      durationMs: 0,
      complete: true,
      sources: [],
      diagnostics: [],
    },
    summary: {
      declared: 0,
      live: 0,
      managed: 0,
      unmanaged: 0,
      missing: 0,
      changed: 0,
      notCompared: 0,
      ignored: 0,
      waived: 0,
      coverage: 1,
      violations: { critical: 0, high: 0, medium: 0, low: 0 },
    },
    drift: [],
    violations: [],
    waived: [],
  };
}
