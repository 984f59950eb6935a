import { formatLocation } from '../model/location.js';
import type { Location } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import type { Value } from '../model/value.js';
import { valueText } from './change-display.js';
import { truncateText } from './markdown-text.js';
import { terminalText } from './terminal-text.js';

const MAX_VALUE_WIDTH = 60;
const MAX_CELL_WIDTH = 200;

/** A value from the report (an id, a key, a path), with every control sequence stripped, on one line. */
export function value(text: string): string {
  return truncateText(terminalText(text), MAX_CELL_WIDTH);
}

/** Free text from the report (a message, a reason, an error): like a value, with secret-shaped parts redacted. */
export function free(text: string): string {
  return value(redactSecretText(text));
}

/** A change value: JSON text, `(absent)` for null, cut to the column. */
export function formatValue(change: Value): string {
  const text = value(valueText(change));
  const cut = truncateText(text, MAX_VALUE_WIDTH - 2);
  return cut === text ? text : `${cut.slice(0, -1)}...`;
}

/** `file:line` of a finding declared in code (HCL, CloudFormation, ARM); empty for a state, plan or live read. */
export function codeLocation(location: Location | undefined): string {
  return location?.file !== undefined && location.line !== undefined ? value(formatLocation(location)) : '';
}
