import { DriftwardenError } from '../errors.js';

/**
 * Every source of one side failed on the user's input (a missing file, corrupt JSON): nothing meaningful can be
 * reported, so the entry point prints each error on its own line and exits 2. Its own module, so
 * that the CLI can recognise it without loading the scan.
 */
export class ScanInputError extends DriftwardenError {
  readonly errors: readonly DriftwardenError[];

  constructor(errors: readonly DriftwardenError[]) {
    super('input', errors.map((error) => error.message).join('\n'));
    this.errors = errors;
  }
}
