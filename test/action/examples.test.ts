import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The example workflows must run as copied: real pins, the permissions they need, and every input real. */
const root = join(import.meta.dirname, '../..');
const dir = join(root, 'examples/workflows');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}
const workflows = readdirSync(dir).map((name) => ({
  name,
  text: readFileSync(join(dir, name), 'utf8'),
  yaml: parse(readFileSync(join(dir, name), 'utf8')) as Workflow,
}));
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

describe('examples/workflows', () => {
  it('pins third-party actions to full commit SHAs and driftwarden to its released tag; no zero SHA', () => {
    for (const { name, text, yaml } of workflows) {
      expect(text, name).not.toMatch(/@0{40}/);
      for (const step of steps(yaml).filter((s) => s.uses)) {
        if (step.uses?.startsWith('driftwarden/driftwarden@'))
          expect(step.uses).toBe(`driftwarden/driftwarden@v${version}`);
        else expect(step.uses, name).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('passes only inputs that action.yml declares', () => {
    for (const { name, yaml } of workflows)
      for (const step of steps(yaml).filter((s) => s.uses?.startsWith('driftwarden/')))
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs), `${name}: ${input}`).toContain(input);
  });

  it('the pull-request workflow has what upload-sarif needs in a private repository, and the base commit', () => {
    const pr = workflows.find((w) => w.name === 'pull-request.yml')!.yaml;
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      'security-events': 'write',
      actions: 'read',
    });
    const checkout = steps(pr).find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('the nightly workflow keeps the tracking issue on its schedule and on a manual run', () => {
    const nightly = workflows.find((w) => w.name === 'nightly-drift.yml')!.yaml;
    expect(Object.keys(nightly.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(nightly.permissions.issues).toBe('write');
  });
});

describe('examples/workflows/organisation-matrix.yml', () => {
  interface Job {
    needs?: string;
    if?: string;
    permissions: Record<string, string>;
    strategy?: { 'fail-fast': boolean; matrix: { include: { name: string }[] } };
    steps: Step[];
  }
  const text = readFileSync(join(dir, 'organisation-matrix.yml'), 'utf8');
  const { jobs } = parse(text) as { jobs: { scan: Job; merge: Job } };
  const driftwarden = (job: Job) => job.steps.find((s) => s.uses?.startsWith('driftwarden/'))?.with ?? {};

  it('fans out one job per account or subscription, each writing a JSON report and keeping no issue', () => {
    expect(jobs.scan.strategy?.['fail-fast']).toBe(false);
    expect(driftwarden(jobs.scan)).toMatchObject({
      'tracking-issue': 'false',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript one
      'json-report': 'driftwarden-${{ matrix.name }}.json',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript one
      history: '${{ secrets.DRIFTWARDEN_HISTORY_URL }}',
      // Each job its own scope in the shared store, so that no job resolves another's findings.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript one
      'history-scope': '${{ matrix.name }}',
    });
    expect(jobs.scan.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('merges every job’s report by name, even after a failed job, into the one tracking issue', () => {
    expect(jobs.merge.needs).toBe('scan');
    expect(jobs.merge.if).toBe('always()');
    expect(jobs.merge.permissions).toEqual({ contents: 'read', issues: 'write' });
    const names = jobs.scan.strategy?.matrix.include.map((job) => `reports/driftwarden-${job.name}.json`);
    const reports = String(driftwarden(jobs.merge).reports).trim().split('\n');
    expect(reports).toEqual(names);
    expect(driftwarden(jobs.merge)['tracking-issue']).toBe('true');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript one
    expect(driftwarden(jobs.merge)['slack-webhook-url']).toBe('${{ secrets.SLACK_WEBHOOK_URL }}');
  });
});
