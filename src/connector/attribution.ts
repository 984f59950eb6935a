import type { ChangedBy } from '../model/attribution.js';
import type { DriftKind } from '../model/report.js';
import { onOneLine } from '../util/control-characters.js';

/** A drift entry as an attributor sees it: which resource to find the change event of. */
export interface AttributionTarget {
  kind: DriftKind;
  key: string;
  type: string;
  /** The cloud id (the import id): a bucket name, a role name, an ARN, an ARM id. */
  id: string;
  provider: string;
  account?: string;
  /** The ARN of the live copy, or the declared `arn` attribute of a missing one, when known. */
  arn?: string;
}

/** The scan's limit of look-up calls, shared by every attributor: `take` before each API call. */
export interface CallBudget {
  take(): boolean;
  readonly limit: number;
}

/**
 * What a live source that can tell who changed a resource hands the scan with its resources (AWS Config with
 * CloudTrail, Azure Resource Manager with the Activity Log). The scan asks it about each drift entry after the
 * comparison, within the call budget; an attributor answers `unknown` with its reason rather than guess.
 */
export interface Attributor {
  /** The provider of the resources it can look up: `aws`, `azurerm`. */
  provider: string;
  /** Where it looks, for messages: `cloudtrail us-east-1`, `activity log of /subscriptions/...`. */
  location: string;
  /** Whether the resource belongs to the account and region (or subscription) this attributor reads. */
  accepts(target: AttributionTarget): boolean;
  attribute(target: AttributionTarget, budget: CallBudget): Promise<ChangedBy>;
}

/** The answer for an entry the scan's call budget did not reach. */
export function budgetSpent(limit: number): ChangedBy {
  return {
    status: 'unknown',
    reason: 'budget',
    detail: `not looked up: the scan's limit of ${limit} look-up calls was reached`,
  };
}

/** Cloud text is untrusted: one line, without control characters, and bounded, before it enters the report. */
export function eventText(value: string): string {
  const line = onOneLine(value).trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
