import type { InlineWaiver } from '../model/resource.js';
import type { ScannedResources } from '../scan/run-scan.js';

/** An inline waiver in code (`driftwarden:ignore`, `checkov:skip=`, `trivy:ignore:`) and the resource it sits on. */
export interface KeyedInlineWaiver {
  key: string;
  waiver: InlineWaiver;
}

/**
 * The inline waivers a pull request's head may use: those the base commit (the trusted side) already has, the same
 * rule on the same resource key. A comment the pull request adds, or moves onto another resource, waives nothing
 * until it is merged, as with its config file: otherwise a pull request could add a violation and its own waiver.
 */
export function inlineWaiverTrust(base: ScannedResources): {
  trusts: (key: string, waiver: InlineWaiver) => boolean;
  /** The head's inline waivers that the base does not have: named in the comment, never honoured. */
  untrusted: (head: ScannedResources) => KeyedInlineWaiver[];
} {
  const trusted = new Set(inlineWaiversOf(base).map(({ key, waiver }) => identity(key, waiver)));
  const trusts = (key: string, waiver: InlineWaiver) => trusted.has(identity(key, waiver));
  return {
    trusts,
    untrusted: (head) => inlineWaiversOf(head).filter(({ key, waiver }) => !trusts(key, waiver)),
  };
}

/** Every inline waiver of the scanned code and declared resources, in file and line order. */
function inlineWaiversOf(resources: ScannedResources): KeyedInlineWaiver[] {
  const found: KeyedInlineWaiver[] = [];
  for (const map of [resources.declared, resources.code])
    for (const resource of map.values())
      for (const waiver of resource.waivers ?? []) found.push({ key: resource.key, waiver });
  return found.sort((a, b) => a.waiver.source.localeCompare(b.waiver.source, undefined, { numeric: true }));
}

/**
 * What a waiver waives: its resource and every field but where it sits and why (the rule, and whichever scanner's
 * comment and expiry date it has), so that a pull request that extends an expiry is not trusted with the new one.
 */
function identity(key: string, waiver: InlineWaiver): string {
  const { source: _where, reason: _why, ...what } = waiver;
  return JSON.stringify([key, Object.entries(what).sort(([a], [b]) => a.localeCompare(b))]);
}
