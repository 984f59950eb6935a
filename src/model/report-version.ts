/**
 * The report's `schemaVersion`, apart from the report's zod schemas (report.ts), so that writing a report does not
 * build them: a scan without --baseline parses no report, and building the schemas (about a third of the zod
 * objects a scan built at load) was start-up time spent for nothing (BENCHMARKS.md, bench:startup).
 */
export const REPORT_SCHEMA_VERSION = 2;
