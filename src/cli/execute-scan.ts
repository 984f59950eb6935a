import { connectors } from '../../connectors/index.js';
import type { ScanSettings } from '../config/resolve.js';
import { readJsonFile } from '../connector/read-json-file.js';
import type { ConnectorContext } from '../connector/types.js';
import { inputError } from '../errors.js';
import { loadIgnoreRules } from '../ignore/index.js';
import { type Diagnostic, type Report, reportSchema } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { applyBaseline } from '../report/baseline.js';
import { runScan } from '../scan/run-scan.js';
import { describeZodError } from '../util/zod-issue.js';
import { loadPolicies } from './load-policies.js';

export interface ExecutedScan {
  report: Report;
  rules: readonly CatalogueRule[];
  declared: ReadonlyMap<string, Resource>;
}

/**
 * A scan from resolved settings: ignore rules, policies, the pipeline, and the baseline. Shared by the CLI and the
 * GitHub Action, which differ only in where settings come from and where results go.
 */
export async function executeScan(
  settings: ScanSettings,
  ctx: ConnectorContext,
  toolVersion: string,
  baseline?: Report,
): Promise<ExecutedScan> {
  const diagnostics: Diagnostic[] = [];
  const ignore = await loadIgnoreRules(settings.ignoreFile, settings.ignoreRules, diagnostics);
  const policies = await loadPolicies(settings.policies, ctx.env, diagnostics);
  let declared: ReadonlyMap<string, Resource> = new Map();
  let report = await runScan(
    {
      sources: settings.sources,
      ignore,
      policies,
      waivers: settings.waivers,
      toolVersion,
      diagnostics,
      onResources: (resources) => {
        declared = resources;
      },
    },
    ctx,
  );
  if (baseline) report = applyBaseline(report, baseline, 'the pull request base');
  else if (settings.baseline)
    report = applyBaseline(report, await loadBaseline(settings.baseline), settings.baseline.display);
  return { report, rules: policies?.rules ?? [], declared };
}

/** A previous JSON report, for --baseline: strict, with one-line errors naming the file. */
export async function loadBaseline(file: { path: string; display: string }): Promise<Report> {
  const raw = await readJsonFile(file.path, file.display);
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(file.display, `not a driftwarden JSON report: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export { connectors };
