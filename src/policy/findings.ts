import { locationOf } from '../model/location.js';
import type { Violation } from '../model/report.js';
import { sideOf } from '../model/resource.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { inSourceOrder } from '../model/source-order.js';
import type { CatalogueRule } from './catalogue.js';
import type { InputBatch } from './policy-input.js';
import type { CompactFinding } from './worker.js';

/**
 * A rule's findings, batch by batch, as violations. A finding that names no resource of its batch, or has no
 * message, is counted as malformed: the rule meant to report something the scan cannot place.
 */
export function violationsOf(
  rule: CatalogueRule,
  batches: readonly InputBatch[],
  results: readonly CompactFinding[][],
): { violations: Violation[]; malformed: number } {
  const violations: Violation[] = [];
  let malformed = 0;
  results.forEach((findings, index) => {
    const byKey = batches[index]?.byKey;
    for (const [key, path, message] of findings) {
      const resource = key === null ? undefined : byKey?.get(key);
      if (!resource || message === null) {
        malformed++;
        continue;
      }
      const violation: Violation = {
        ruleId: rule.id,
        title: rule.title,
        severity: rule.severity,
        category: rule.category,
        key: resource.key,
        type: resource.type,
        id: resource.id,
        origin: sideOf(resource.origin),
        // Rules never receive a secret, but a user's rule may print an attribute: a secret-shaped part is redacted.
        message: redactSecretText(message),
      };
      if (resource.account) violation.account = resource.account;
      if (path !== null && path !== '')
        violation.path = inSourceOrder(redactSecretText(path), resource.sourceOrder);
      violation.location = locationOf(resource.source);
      if (resource.source.address) violation.address = resource.source.address;
      violations.push(violation);
    }
  });
  return { violations, malformed };
}
