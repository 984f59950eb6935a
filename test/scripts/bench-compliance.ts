/**
 * `npm run bench:compliance`: recall and precision of driftwarden, and of Checkov and Trivy when they are
 * installed, on a labelled corpus, per tool, per format and per family (IAM, encryption).
 *
 * The corpus is every code-form case of fixtures/policy-cases (HCL, CloudFormation, ARM): each case is a small
 * repository labelled, for its rule, violating (the findings it expects) or clean. A unit is one case judged by
 * one rule. A tool finds a unit when it reports that rule on the case's files; for Checkov and Trivy, when it
 * reports a check the rule names as its equivalent in METADATA (`custom.checkov`, `custom.trivy`). A rule with no
 * equivalent in a tool is a miss for that tool in "recall" and left out of "recall where mapped".
 * Not a test: it prints figures for BENCHMARKS.md and writes them to .bench/compliance.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { main as cli } from '../../src/cli/main.js';
import { trivyCheckId } from '../../src/connector/inline-waivers.js';
import { type CatalogueRule, catalogueSchema } from '../../src/policy/catalogue.js';
import { packageRoot } from '../../src/util/package-info.js';
import { measure } from './measure.js';

type Form = 'hcl' | 'cloudformation' | 'arm';
type Tool = 'driftwarden' | 'checkov' | 'trivy';
const FORMS: readonly Form[] = ['hcl', 'cloudformation', 'arm'];

interface Unit {
  rule: CatalogueRule;
  form: Form;
  name: string;
  dir: string;
  violating: boolean;
  found: Record<Tool, boolean>;
}

const root = packageRoot();

function loadUnits(corpus: string): Unit[] {
  const catalogue = catalogueSchema.parse(
    JSON.parse(readFileSync(join(root, 'policies/dist/catalogue.json'), 'utf8')),
  );
  const units: Unit[] = [];
  const dir = join(root, 'fixtures/policy-cases');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const suite = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      rule: string;
      cases: {
        name: string;
        form: string;
        files?: Record<string, string>;
        expect: unknown[];
        knownGap?: string;
      }[];
    };
    const rule = catalogue.rules.find((r) => r.id === suite.rule);
    if (!rule) continue;
    for (const [index, policyCase] of suite.cases.entries()) {
      if (!FORMS.includes(policyCase.form as Form) || !policyCase.files) continue;
      const caseDir = join(corpus, rule.id, `${index}-${policyCase.form}`);
      for (const [name, text] of Object.entries(policyCase.files)) {
        mkdirSync(dirname(join(caseDir, name)), { recursive: true });
        writeFileSync(join(caseDir, name), text);
      }
      units.push({
        rule,
        form: policyCase.form as Form,
        name: policyCase.name,
        dir: `${rule.id}/${index}-${policyCase.form}`,
        violating: policyCase.expect.length > 0,
        found: { driftwarden: false, checkov: false, trivy: false },
      });
    }
  }
  return units;
}

async function runDriftwarden(units: Unit[], corpus: string): Promise<{ ms: number; resources: number }> {
  const started = performance.now();
  let resources = 0;
  for (const unit of units) {
    const cwd = join(corpus, unit.dir);
    execFileSync('git', ['init', '--quiet'], { cwd });
    let stdout = '';
    const io = {
      stdout: { write: (text: string) => (stdout += text), isTTY: false },
      stderr: { write: () => true, isTTY: false },
      env: {},
      cwd,
    };
    await cli(['scan', '--repo', '.', '--format', 'json', '--fail-on', 'none'], io);
    const report = JSON.parse(stdout) as {
      violations: { ruleId: string }[];
      scan: { sources: { resources: number }[] };
    };
    resources += report.scan.sources.reduce((sum, source) => sum + source.resources, 0);
    unit.found.driftwarden = report.violations.some((v) => v.ruleId === unit.rule.id);
  }
  return { ms: Math.round(performance.now() - started), resources };
}

/** The case directory (`RULE/index-form`) a peer's finding is in, from its path relative to the corpus. */
function unitDirOf(path: string): string {
  return path
    .replace(/^\.?\//, '')
    .split('/')
    .slice(0, 2)
    .join('/');
}

async function runCheckov(units: Unit[], corpus: string): Promise<number | undefined> {
  const run = await measure(
    'checkov',
    [
      '-d',
      '.',
      '--framework',
      'terraform',
      'cloudformation',
      'arm',
      '--quiet',
      '--compact',
      '-o',
      'json',
      '--skip-download',
    ],
    corpus,
  );
  if (run.code === -1 || run.stdout.trim() === '') return undefined;
  const parsed = JSON.parse(run.stdout) as CheckovReport | CheckovReport[];
  const failed = new Set<string>();
  for (const report of Array.isArray(parsed) ? parsed : [parsed])
    for (const check of report.results?.failed_checks ?? [])
      failed.add(`${unitDirOf(check.file_path)} ${check.check_id}`);
  for (const unit of units)
    unit.found.checkov = unit.rule.equivalents.checkov.some((id) => failed.has(`${unit.dir} ${id}`));
  return run.ms;
}

interface CheckovReport {
  results?: { failed_checks?: { check_id: string; file_path: string }[] };
}

async function runTrivy(units: Unit[], corpus: string): Promise<number | undefined> {
  const binary = [join(root, '.tools/bin/trivy'), join(process.env.HOME ?? '', 'go/bin/trivy')].find((path) =>
    existsSync(path),
  );
  const run = await measure(
    binary ?? 'trivy',
    ['config', '--format', 'json', '--quiet', '--skip-check-update', '.'],
    corpus,
  );
  if (run.code === -1 || run.stdout.trim() === '') return undefined;
  const report = JSON.parse(run.stdout) as {
    Results?: { Target: string; Misconfigurations?: { ID: string; AVDID?: string; Status: string }[] }[];
  };
  const failed = new Set<string>();
  for (const result of report.Results ?? [])
    for (const misconfiguration of result.Misconfigurations ?? []) {
      if (misconfiguration.Status !== 'FAIL') continue;
      for (const id of [misconfiguration.ID, misconfiguration.AVDID])
        if (id) failed.add(`${unitDirOf(result.Target)} ${trivyCheckId(id)}`);
    }
  for (const unit of units)
    unit.found.trivy = unit.rule.equivalents.trivy.some((id) =>
      failed.has(`${unit.dir} ${trivyCheckId(id)}`),
    );
  return run.ms;
}

interface Score {
  units: number;
  tp: number;
  fp: number;
  fn: number;
  recall: number | null;
  precision: number | null;
  /** Recall over the units whose rule names an equivalent in this tool. */
  recallWhereMapped: number | null;
}

function score(units: readonly Unit[], tool: Tool): Score {
  const mapped = (unit: Unit) => tool === 'driftwarden' || unit.rule.equivalents[tool].length > 0;
  const tp = units.filter((u) => u.violating && u.found[tool]).length;
  const fp = units.filter((u) => !u.violating && u.found[tool]).length;
  const fn = units.filter((u) => u.violating && !u.found[tool]).length;
  const mappedViolating = units.filter((u) => u.violating && mapped(u));
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return {
    units: units.length,
    tp,
    fp,
    fn,
    recall: ratio(tp, tp + fn),
    precision: ratio(tp, tp + fp),
    recallWhereMapped: ratio(mappedViolating.filter((u) => u.found[tool]).length, mappedViolating.length),
  };
}

async function benchmark(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const corpus = join(tmpdir(), 'driftwarden-bench-compliance');
  rmSync(corpus, { recursive: true, force: true });
  const units = loadUnits(corpus);
  const ours = await runDriftwarden(units, corpus);
  const noPeers = process.env.BENCH_PEERS === 'off';
  const times: Record<Tool, number | undefined> = {
    driftwarden: ours.ms,
    checkov: noPeers ? undefined : await runCheckov(units, corpus),
    trivy: noPeers ? undefined : await runTrivy(units, corpus),
  };
  const violating = units.filter((u) => u.violating).length;
  console.log(
    `corpus: ${units.length} units (${violating} violating, ${units.length - violating} clean) over ${new Set(units.map((u) => u.rule.id)).size} rules; ${ours.resources} labelled resources read`,
  );
  const tools = (Object.keys(times) as Tool[]).filter((tool) => times[tool] !== undefined);
  const slices: [string, Unit[]][] = [
    ['all', units],
    ...FORMS.map((form): [string, Unit[]] => [form, units.filter((u) => u.form === form)]),
    ...(['iam', 'encryption'] as const).map((family): [string, Unit[]] => [
      family,
      units.filter((u) => u.rule.category === family),
    ]),
  ];
  const figures: Record<string, Record<string, Score>> = {};
  const cell = (value: number | null) => (value === null ? '-' : value.toFixed(3));
  console.log('\nslice            tool          units  recall  precision  recall where mapped  (tp/fp/fn)');
  for (const [slice, members] of slices) {
    figures[slice] = {};
    for (const tool of tools) {
      const s = score(members, tool);
      (figures[slice] as Record<string, Score>)[tool] = s;
      console.log(
        `${slice.padEnd(16)} ${tool.padEnd(12)} ${String(s.units).padStart(6)}  ${cell(s.recall).padStart(6)}  ${cell(s.precision).padStart(9)}  ${cell(s.recallWhereMapped).padStart(19)}  (${s.tp}/${s.fp}/${s.fn})`,
      );
    }
  }
  for (const tool of tools) console.log(`${tool}: ${times[tool]} ms`);
  for (const tool of ['checkov', 'trivy'] as const)
    if (!tools.includes(tool)) console.log(`${tool}: not installed (or BENCH_PEERS=off), not measured`);
  const missed = units.filter((u) => u.violating !== u.found.driftwarden);
  for (const unit of missed)
    console.log(
      `driftwarden ${unit.violating ? 'missed' : 'false positive'}: ${unit.rule.id} ${unit.form}: ${unit.name}`,
    );
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench/compliance.json'), `${JSON.stringify({ times, figures }, null, 2)}\n`);
  rmSync(corpus, { recursive: true, force: true });
}

benchmark().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
