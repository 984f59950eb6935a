import type { DriftEntry, Report, Violation, WaivedViolation } from '../../src/model/report.js';
import { SEVERITIES } from '../../src/model/severity.js';
import type { CatalogueRule } from '../../src/policy/catalogue.js';

/**
 * A report with `findings` findings for the HTML report's browser test and `npm run bench:html`: four in five
 * are violations of the given rules (each rule's own types), the rest drift (three in five changed, with one to
 * three attribute changes, then missing and unmanaged), plus one waived violation in a hundred. Keys, ids and
 * locations look like a real estate's: module paths, 12-digit accounts, ARNs for IAM, line numbers. The same
 * arguments always give the same report, sorted as the scan sorts it.
 */
export function largeReport(findings: number, rules: readonly CatalogueRule[]): Report {
  const violationCount = Math.round(findings * 0.8);
  const driftCount = findings - violationCount;
  const violations = Array.from({ length: violationCount }, (_, i) => violation(i, rules));
  const drift = Array.from({ length: driftCount }, (_, i) => driftEntry(i, driftCount));
  const waived = Array.from(
    { length: Math.floor(findings / 100) },
    (_, i): WaivedViolation => ({
      ...violation(violationCount + i, rules),
      waiver: {
        reason: `Accepted until the migration of team ${i % 7} is done`,
        source: `config waivers[${i % 7}]`,
      },
    }),
  );
  const order = (v: Violation) => SEVERITIES.indexOf(v.severity);
  violations.sort((a, b) => order(a) - order(b) || compare(a.key, b.key) || compare(a.ruleId, b.ruleId));
  const count = (severity: Violation['severity']) => violations.filter((v) => v.severity === severity).length;
  const kinds = (kind: DriftEntry['kind']) => drift.filter((d) => d.kind === kind).length;
  const declared = Math.round(findings * 1.5);
  return {
    schemaVersion: 2,
    tool: { name: 'driftwarden', version: '0.1.0' },
    scan: {
      startedAt: '2026-12-07T12:00:00.000Z',
      durationMs: 8123,
      complete: true,
      sources: [
        {
          connector: 'terraform-state',
          side: 'declared',
          location: 'envs/prod',
          resources: declared,
          status: 'ok',
        },
        { connector: 'snapshot', side: 'live', location: 'live.json', resources: declared, status: 'ok' },
      ],
      diagnostics: [],
      policies: { rules: rules.length, failed: [] },
    },
    summary: {
      declared,
      live: declared - kinds('missing') + kinds('unmanaged'),
      managed: declared - kinds('missing'),
      unmanaged: kinds('unmanaged'),
      missing: kinds('missing'),
      changed: kinds('changed'),
      notCompared: 0,
      ignored: 0,
      waived: waived.length,
      coverage: (declared - kinds('missing')) / (declared - kinds('missing') + kinds('unmanaged')),
      unknown: 0,
      violations: {
        critical: count('critical'),
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
      },
    },
    drift,
    violations,
    waived,
  };
}

const TEAMS = ['payments', 'identity', 'search', 'platform', 'data-lake', 'checkout', 'notifications'];

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function name(i: number): string {
  return `${TEAMS[i % TEAMS.length]}-${String(i).padStart(5, '0')}`;
}

function account(i: number): string {
  return String(100_000_000_000 + (i % 5) * 111_111_111_111).slice(0, 12);
}

function resourceId(type: string, i: number): string {
  if (type.startsWith('aws_iam_')) return `arn:aws:iam::${account(i)}:policy/service-role/${name(i)}-access`;
  if (type.startsWith('azurerm_'))
    return `/subscriptions/00000000-0000-0000-0000-00000000000${i % 5}/resourceGroups/rg-${TEAMS[i % TEAMS.length]}/providers/Microsoft.Resources/${name(i)}`;
  return name(i);
}

function violation(i: number, rules: readonly CatalogueRule[]): Violation {
  const rule = rules[i % rules.length];
  if (!rule) throw new Error('largeReport needs at least one rule');
  const type = rule.resourceTypes[i % rule.resourceTypes.length] ?? 'aws_s3_bucket';
  const id = resourceId(type, i);
  const live = i % 4 === 0;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    key: `${type}.${id}`,
    type,
    id,
    origin: live ? 'live' : 'declared',
    ...(live ? { account: account(i) } : {}),
    message:
      i % 5 === 0
        ? `${rule.title.toLowerCase()}: ${name(i)} sets it on purpose, says its description`
        : rule.title.toLowerCase(),
    path: i % 3 === 0 ? 'policy.Statement[0]' : 'server_side_encryption_configuration.rule',
    location: live
      ? { uri: `aws-config:eu-west-1` }
      : { file: `envs/prod/modules/${TEAMS[i % TEAMS.length]}/main.tf`, line: 10 + (i % 400) },
    address: `module.${TEAMS[i % TEAMS.length]?.replace('-', '_')}.${type}.this["${name(i)}"]`,
  };
}

function driftEntry(i: number, total: number): DriftEntry {
  const kind: DriftEntry['kind'] = i < total * 0.6 ? 'changed' : i < total * 0.8 ? 'missing' : 'unmanaged';
  const type =
    ['aws_s3_bucket', 'aws_security_group', 'aws_iam_role', 'azurerm_storage_account'][i % 4] ?? '';
  const id = resourceId(type, i);
  const changes =
    kind !== 'changed'
      ? []
      : [
          { path: 'tags.owner', declared: TEAMS[i % TEAMS.length] ?? null, live: 'someone-else' },
          { path: 'versioning.enabled', declared: true, live: false },
          { path: 'ingress[0].cidr_blocks', declared: ['10.0.0.0/8'], live: ['0.0.0.0/0'] },
        ].slice(0, 1 + (i % 3));
  return {
    kind,
    key: `${type}.${id}`,
    type,
    id,
    provider: type.startsWith('azurerm_') ? 'azurerm' : 'aws',
    account: account(i),
    ...(kind === 'unmanaged'
      ? { location: { uri: 'live.json' } }
      : { address: `module.app.${type}.this[${i}]` }),
    ...(kind === 'unmanaged' ? {} : { location: { file: `envs/prod/terraform.tfstate` } }),
    changes,
  };
}
