import type { ScanSettings } from '../config/resolve.js';
import type { ConnectorContext } from '../connector/types.js';
import { loadIgnoreRules } from '../ignore/index.js';
import type { Diagnostic, Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { applyBaseline } from '../report/baseline.js';
import { loadBaseline } from './load-baseline.js';
import { loadPolicies } from './load-policies.js';
import { runScan, type ScannedResources, type ScanRequest } from './run-scan.js';

export interface ExecutedScan {
  report: Report;
  rules: readonly CatalogueRule[];
  resources: ScannedResources;
}

export interface ScanOptions {
  /** Compare with this report instead of the settings' --baseline (a pull request's base). */
  baseline?: { report: Report; source: string };
  /** The live side, already read (see ScanRequest.live). */
  live?: ScanRequest['live'];
  /** Which inline waivers are honoured (see ScanRequest.trustsInlineWaiver). */
  trustsInlineWaiver?: ScanRequest['trustsInlineWaiver'];
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
      ...(options.trustsInlineWaiver ? { trustsInlineWaiver: options.trustsInlineWaiver } : {}),
      ignore,
      policies,
      waivers: settings.waivers,
      strict: settings.strict,
      attributionCalls: settings.attributionCalls,
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
