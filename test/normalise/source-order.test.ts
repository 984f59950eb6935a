import { describe, expect, it } from 'vitest';
import { inSourceOrder } from '../../src/model/source-order.js';
import { policyDocumentsPass } from '../../src/normalise/policy-documents.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { resource } from '../helpers/resource.js';
import { state } from '../helpers/state.js';

const READ = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const PASS = { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };

describe('findings name the source order of a sorted policy document', () => {
  it('the pass records where each sorted statement came from, at any depth, and nothing when order is kept', () => {
    const reordered = resource('aws_iam_role', 'app', {
      assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [PASS] }),
      inline_policy: [
        { name: 'x', policy: JSON.stringify({ Version: '2012-10-17', Statement: [READ, PASS] }) },
      ],
    });
    policyDocumentsPass.apply(reordered);
    expect([...(reordered.sourceOrder ?? new Map())]).toEqual([
      ['inline_policy[0].policy.Statement', [1, 0]],
    ]);
    expect(inSourceOrder('inline_policy[0].policy.Statement[0].Resource', reordered.sourceOrder)).toBe(
      'inline_policy[0].policy.Statement[1].Resource',
    );
    expect(inSourceOrder('assume_role_policy.Statement[0]', reordered.sourceOrder)).toBe(
      'assume_role_policy.Statement[0]',
    );
    const kept = resource('aws_iam_policy', 'p', {
      policy: { Version: '2012-10-17', Statement: [PASS, READ] },
    });
    policyDocumentsPass.apply(kept);
    expect(kept.sourceOrder).toBeUndefined();
  });

  it('a state whose second statement grants PassRole on every role is reported at Statement[1]', async () => {
    const cwd = tempDir({
      'iam.tfstate': state([
        {
          type: 'aws_iam_policy',
          name: 'deploy',
          instances: [
            {
              attributes: {
                id: 'arn:aws:iam::111122223333:policy/deploy',
                policy: JSON.stringify({ Version: '2012-10-17', Statement: [READ, PASS] }),
              },
            },
          ],
        },
      ]),
    });
    const result = await runCli(['scan', '--state', 'iam.tfstate', '--format', 'json', '--fail-on', 'none'], {
      cwd,
    });
    const found = JSON.parse(result.stdout).violations.filter(
      (v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-006',
    );
    expect(found.map((v: { path: string }) => v.path)).toEqual(['policy.Statement[1]']);
  });
});
