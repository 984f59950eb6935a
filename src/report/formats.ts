/**
 * The report formats: one renderer each (RENDERERS), and the names the config file, the CLI's --format and
 * --output, and the Action all accept. A new format is added here and nowhere else.
 */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'sarif', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The extension a file of each format usually has. */
export const REPORT_FILE_EXTENSIONS = {
  table: '.txt',
  json: '.json',
  markdown: '.md',
  sarif: '.sarif',
  html: '.html',
  junit: '.xml',
} as const satisfies Record<ReportFormat, string>;

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
