import { usageError } from '../errors.js';

/**
 * `--attribution on` (or `attribution: true`): look-up calls per scan. Twenty-five CloudTrail look-ups take about
 * 13 s at the 2 requests per second CloudTrail allows LookupEvents per account and region.
 */
export const DEFAULT_ATTRIBUTION_CALLS = 25;
const MAX_ATTRIBUTION_CALLS = 1000;

/**
 * Off unless asked: the look-ups need permissions a read-only scan role is often not given (cloudtrail:LookupEvents,
 * Microsoft.Insights/eventtypes/values/read), and CloudTrail's LookupEvents quota is shared with the account's other
 * tools, so a scan spends it only when told to. A flag wins over the config file.
 */
export function attributionCalls(flag: string | undefined, config: boolean | number | undefined): number {
  if (flag !== undefined) return parseFlag(flag);
  if (config === true) return DEFAULT_ATTRIBUTION_CALLS;
  if (config === false || config === undefined) return 0;
  return config;
}

function parseFlag(value: string): number {
  const text = value.trim().toLowerCase();
  if (text === 'on' || text === 'true') return DEFAULT_ATTRIBUTION_CALLS;
  if (text === 'off' || text === 'false') return 0;
  if (/^\d{1,4}$/.test(text) && Number(text) <= MAX_ATTRIBUTION_CALLS) return Number(text);
  throw usageError(
    `--attribution ${value}: expected on, off, or the most look-up calls per scan (0 to ${MAX_ATTRIBUTION_CALLS})`,
  );
}
