import { connectors } from '../../connectors/index.js';
import type { ScanSettings } from '../config/resolve.js';
import { readJsonFile } from '../connector/read-json-file.js';
import type { ConnectorContext } from '../connector/types.js';
import { inputError } from '../errors.js';
import { loadIgnoreRules } from '../ignore/index.js';
import { type Diagnostic, type Report, reportSchema } from '../model/report.js';
import { upgradeReport } from '../model/upgrade-report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { applyBaseline } from '../report/baseline.js';
import type { CollectedSide } from '../scan/collect.js';
import { runScan, type ScannedResources } from '../scan/run-scan.js';
import { describeZodError } from '../util/zod-issue.js';
import { loadPolicies } from './load-policies.js';

export interface ExecutedScan {
  report: Report;
  rules: readonly CatalogueRule[];
  resources: ScannedResources;
}

export interface ScanOptions {
  /** Compare with this report instead of the settings' --baseline (a pull request's base). */
  baseline?: { report: Report; source: string };
  /** The live side, already read (see ScanRequest.live). */
  live?: CollectedSide;
}

/**
 * A scan from resolved settings: ignore rules, policies, the pipeline, and the baseline. Shared by the CLI and the
 * GitHub Action, which differ only in where settings come from and where results go.
 */
export async function executeScan(
  settings: ScanSettings,
  ctx: ConnectorContext,
  toolVersion: string,
  options: ScanOptions = {},
): Promise<ExecutedScan> {
  const diagnostics: Diagnostic[] = [];
  const ignore = await loadIgnoreRules(settings.ignoreFile, settings.ignoreRules, diagnostics);
  const policies = await loadPolicies(settings.policies, ctx.env, diagnostics);
  let resources: ScannedResources = { declared: new Map(), code: new Map(), live: new Map() };
  let report = await runScan(
    {
      sources: settings.sources,
      ...(options.live ? { live: options.live } : {}),
      ignore,
      policies,
      waivers: settings.waivers,
      toolVersion,
      diagnostics,
      onResources: (scanned) => {
        resources = scanned;
      },
    },
    ctx,
  );
  if (options.baseline) report = applyBaseline(report, options.baseline.report, options.baseline.source);
  else if (settings.baseline)
    report = applyBaseline(report, await loadBaseline(settings.baseline), settings.baseline.display);
  return { report, rules: policies?.rules ?? [], resources };
}

/** A previous JSON report, for --baseline: strict, with one-line errors naming the file. */
export async function loadBaseline(file: { path: string; display: string }): Promise<Report> {
  const raw = upgradeReport(await readJsonFile(file.path, file.display));
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(file.display, `not a driftwarden JSON report: ${describeZodError(parsed.error, raw)}`);
  return parsed.data;
}

export { connectors };
