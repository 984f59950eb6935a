import { join } from 'node:path';
import { writeOutputFile } from '../cli/io.js';
import { DEFAULT_FAIL_ON, parseFailOn } from '../config/resolve.js';
import type { FailOnValue } from '../config/schema.js';
import type { ConnectorContext } from '../connector/types.js';
import { startScanHistory } from '../history/scan-history.js';
import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { renderJson } from '../report/json.js';
import { mergeReports } from '../report/merge.js';
import { executeScan } from '../scan/execute-scan.js';
import { builtinRules, loadReports } from '../scan/load-reports.js';
import type { StoreState } from './github/tracking-issue.js';
import { storeState } from './history-state.js';
import type { ActionInputs } from './inputs.js';
import { sarifTarget } from './sarif-file.js';
import { type ActionTree, actionSettings, loadActionConfig } from './settings.js';

export interface NightlyScan {
  report: Report;
  rules: readonly CatalogueRule[];
  failOn: FailOnValue[];
  configFile: string | undefined;
  /** With a history store: the scan is recorded, and this is the tracking issue's state from the store. */
  history?: StoreState;
}

/**
 * A scheduled (or manual) run's report, written to `json-report` when given (its path checked first, as the
 * `sarif` one is, so that a bad path costs no scan): the scan of the settings, or, with the `reports` input, the
 * JSON reports of the matrix's other jobs merged (src/report/merge.ts), read from inside the workspace only.
 */
export async function nightlyScan(
  inputs: ActionInputs,
  tree: ActionTree,
  ctx: ConnectorContext,
  version: string,
): Promise<NightlyScan> {
  const target = inputs.jsonReport
    ? await sarifTarget(tree.root, tree.workingDir, inputs.jsonReport, {
        format: 'json',
        input: 'json-report',
      })
    : undefined;
  const scan = await reportOf(inputs, tree, ctx, version);
  if (target) await writeOutputFile(target, renderJson(scan.report));
  return scan;
}

/**
 * A merge reads no config file: `fail-on` is the input's, else the default. It records nothing: each job of the
 * matrix recorded its own scope, and the merged report carries their findings' ages.
 */
async function reportOf(
  inputs: ActionInputs,
  tree: ActionTree,
  ctx: ConnectorContext,
  version: string,
): Promise<NightlyScan> {
  if (inputs.reports.length > 0) {
    const { inputs: runs, problems } = await loadReports(
      inputs.reports,
      join(tree.root, tree.workingDir),
      tree.root,
    );
    return {
      report: mergeReports(runs, problems, version),
      rules: await builtinRules(),
      failOn: inputs.failOn ? parseFailOn(inputs.failOn) : DEFAULT_FAIL_ON,
      configFile: undefined,
    };
  }
  const settings = actionSettings(inputs, tree, await loadActionConfig(inputs, tree));
  // The store is opened (and migrated) before the scan: a store that cannot be reached costs no scan.
  const history = await startScanHistory(settings, { tracking: true });
  let scan: Awaited<ReturnType<typeof executeScan>>;
  try {
    scan = await executeScan(settings, ctx, version);
  } catch (error) {
    // The scan's error is the one to report, not a failure to close the store after it.
    await history?.close().catch(() => {});
    throw error;
  }
  const recorded = history ? await history.record(scan.report) : undefined;
  const state = recorded ? storeState(recorded) : undefined;
  return {
    report: recorded?.report ?? scan.report,
    rules: scan.rules,
    failOn: settings.failOn,
    configFile: settings.configFile,
    ...(state ? { history: state } : {}),
  };
}
