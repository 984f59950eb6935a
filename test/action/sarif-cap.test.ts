import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { eventFile, runActionBundle } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * GitHub code scanning takes at most 25,000 results per run (issue 10.9): the SARIF file keeps the most severe, and
 * both the run and the job summary say how many were left out, so that nobody reads the upload as the whole story.
 */
describe('the SARIF cap in the Action', () => {
  it('a nightly scan with more results than GitHub takes: the file holds 25,000 and the job summary says so', async () => {
    const unmanaged = SARIF_MAX_RESULTS + 7;
    const dir = tempDir({
      'driftwarden.yml': 'state: prod.tfstate\nlive: [snapshot:live.json]\nbuiltinPolicies: false\n',
      'prod.tfstate': state([one('aws_sqs_queue', 'q', { id: 'q', name: 'q' })]),
      'live.json': snapshot([
        { type: 'aws_sqs_queue', id: 'q', attributes: { name: 'q' } },
        ...Array.from({ length: unmanaged }, (_, i) => ({
          type: 'aws_sqs_queue',
          id: `by-hand-${i}`,
          attributes: { name: `by-hand-${i}` },
        })),
      ]),
    });
    const result = await runActionBundle({
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      'INPUT_FAIL-ON': 'none',
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.summary).toContain(
      `> :information_source: The SARIF file holds the ${SARIF_MAX_RESULTS} most severe of ${unmanaged} results: GitHub code scanning takes no more per run. The JSON report has them all.`,
    );
    const sarif = JSON.parse(readFileSync(join(dir, 'driftwarden.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(JSON.stringify(sarif.runs[0].invocations)).toContain(
      `7 of ${unmanaged} results are left out: GitHub code scanning takes at most ${SARIF_MAX_RESULTS} per run`,
    );
  }, 120_000);

  it('at the cap or under it, the summary has no such note', async () => {
    const dir = tempDir({
      'driftwarden.yml': 'state: prod.tfstate\nlive: [snapshot:live.json]\nbuiltinPolicies: false\n',
      'prod.tfstate': state([one('aws_sqs_queue', 'q', { id: 'q', name: 'q' })]),
      'live.json': snapshot([{ type: 'aws_sqs_queue', id: 'q', attributes: { name: 'other' } }]),
    });
    const result = await runActionBundle({
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      'INPUT_FAIL-ON': 'none',
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.summary).toContain('aws_sqs_queue.q');
    expect(result.summary).not.toContain('The SARIF file holds');
  }, 60_000);
});
