/**
 * driftwarden as a library: the scan the CLI and the GitHub Action run, the report's types and zod schemas, the
 * renderers by format, the error type and the connector registry. Anything not exported here is internal.
 *
 * A scan from a config file, as `driftwarden scan --config driftwarden.yml` runs it:
 *
 *   const loaded = await loadConfigFile(path, 'driftwarden.yml');
 *   const settings = resolveScanSettings({}, loaded, connectors, cwd);
 *   const { report, rules } = await executeScan(settings, createScanContext({ cwd, env: process.env }), version);
 *   const text = render('markdown', report, { rules });
 *   const exitCode = exitCodeFor(report, settings.failOn);
 */

export { connectors } from '../connectors/index.js';
export { type LoadedConfig, loadConfigFile } from './config/load.js';
export {
  DEFAULT_FAIL_ON,
  type ResolveOptions,
  resolveScanSettings,
  type ScanFlags,
  type ScanSettings,
} from './config/resolve.js';
export { type ConfigFile, configSchema, FAIL_ON_VALUES, type FailOnValue } from './config/schema.js';
export type {
  Connector,
  ConnectorContext,
  Logger,
  Side,
  Source,
  SourceReadResult,
} from './connector/types.js';
export { DriftwardenError, type ErrorCode, isDriftwardenError } from './errors.js';
export {
  type AttributeChange,
  attributeChangeSchema,
  type Diagnostic,
  type DriftEntry,
  type DriftKind,
  diagnosticSchema,
  driftEntrySchema,
  driftKindSchema,
  type Location,
  locationSchema,
  REPORT_SCHEMA_VERSION,
  type Report,
  reportSchema,
  type SourceStatus,
  type Summary,
  severitySchema,
  sourceStatusSchema,
  summarySchema,
  type Violation,
  violationSchema,
  type WaivedViolation,
  waivedViolationSchema,
} from './model/report.js';
export type { Origin, Resource } from './model/resource.js';
export { SEVERITIES, type Severity } from './model/severity.js';
export { SNAPSHOT_VERSION, type Snapshot, snapshotSchema } from './model/snapshot.js';
export { upgradeReport } from './model/upgrade-report.js';
export type { Catalogue, CatalogueRule } from './policy/catalogue.js';
export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './policy/engine.js';
export { applyBaseline } from './report/baseline.js';
export {
  isReportFormat,
  REPORT_FILE_EXTENSIONS,
  REPORT_FORMATS,
  type ReportFormat,
} from './report/formats.js';
export { renderHtml } from './report/html.js';
export { RENDERERS, type RenderContext, render } from './report/index.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { renderMarkdown } from './report/markdown.js';
export { renderSarif, type SarifOptions } from './report/sarif.js';
export { ANSI_STYLE, PLAIN_STYLE, type Style } from './report/style.js';
export { renderTable } from './report/table.js';
export { type ExecutedScan, executeScan, type ScanOptions } from './scan/execute-scan.js';
export { EXIT, type ExitCode, exitCodeFor } from './scan/exit-code.js';
export { loadBaseline } from './scan/load-baseline.js';
export { engineOptionsFromEnv, loadPolicies } from './scan/load-policies.js';
export { runScan, ScanInputError, type ScannedResources, type ScanRequest } from './scan/run-scan.js';
export { createScanContext, type ScanContextOptions } from './scan/scan-context.js';

import { loadCatalogue } from './model/types/index.js';

// A library caller may look up, render or compare any provider's resources without a scan: the library loads the
// whole type catalogue, where the CLI's scan loads the providers its sources need (src/model/types/index.ts).
await loadCatalogue();

export { loadCatalogue, loadProvidersOf } from './model/types/index.js';
