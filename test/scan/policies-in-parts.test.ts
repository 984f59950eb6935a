import { describe, expect, it } from 'vitest';
import type { Connector, Source } from '../../src/connector/types.js';
import { inputError } from '../../src/errors.js';
import type { Resource } from '../../src/model/resource.js';
import type { PolicyEvaluation, PolicyEvaluator } from '../../src/policy/types.js';
import { runScan, ScanInputError } from '../../src/scan/run-scan.js';
import type { SourceSpec } from '../../src/scan/source-spec.js';
import { recordingContext } from '../helpers/context.js';
import { resource } from '../helpers/resource.js';

/**
 * The declared side is read and normalised first and its rules start before the live side is read (run-scan.ts),
 * so that the second core runs rules while the first reads the live side.
 */
function spec(side: 'declared' | 'live', sources: () => Promise<Source[]>, events: string[]): SourceSpec {
  const connector: Connector = {
    id: side === 'declared' ? 'terraform-state' : 'snapshot',
    side,
    summary: '',
    usage: '',
    parse: () => ({}),
    resolve: async () => {
      events.push(`resolve ${side}`);
      return sources();
    },
  };
  return { side, connector, options: {}, display: side };
}

const declaredSource = (events: string[]): Source => ({
  connector: 'terraform-state',
  location: 'prod.tfstate',
  side: 'declared',
  read: async () => {
    events.push('read declared');
    return {
      resources: [
        resource('aws_ebs_volume', 'vol-1', { encrypted: false }),
        resource('aws_ebs_volume', 'vol-2', { encrypted: true }),
      ],
    };
  },
});

const liveSource = (events: string[]): Source => ({
  connector: 'snapshot',
  location: 'live.json',
  side: 'live',
  read: async () => {
    events.push('read live');
    return {
      resources: [resource('aws_ebs_volume', 'vol-1', { encrypted: true }, 'live')],
      coverage: { types: '*' },
    };
  },
});

function recordingEvaluator(events: string[]): PolicyEvaluator {
  const evaluation: PolicyEvaluation = {
    add: async (resources: readonly Resource[], more?: boolean) => {
      events.push(`add ${resources.map((r) => `${r.origin}:${r.id}`).join(' ')}${more ? ', more' : ''}`);
    },
    finish: async () => {
      events.push('finish');
      return { violations: [], failedRules: [], rules: 0 };
    },
    cancel: async () => {
      events.push('cancel');
    },
  };
  return {
    begin: () => evaluation,
    evaluate: async () => {
      throw new Error('runScan evaluates in parts');
    },
  };
}

describe('the rules of the declared side', () => {
  it('are handed to the evaluator before the live side is read, the live side after it is normalised', async () => {
    const events: string[] = [];
    const { ctx } = recordingContext();
    const report = await runScan(
      {
        sources: [
          spec('live', async () => [liveSource(events)], events),
          spec('declared', async () => [declaredSource(events)], events),
        ],
        policies: recordingEvaluator(events),
        toolVersion: 'test',
      },
      ctx,
    );
    expect(events).toEqual([
      'resolve declared',
      'read declared',
      'add declared:vol-1 declared:vol-2, more',
      'resolve live',
      'read live',
      'add live:vol-1',
      'finish',
    ]);
    expect(report.summary.changed).toBe(1);
    expect(report.summary.missing).toBe(1);
  });

  it('are cancelled when the live side cannot be read at all, and the scan fails on its input', async () => {
    const events: string[] = [];
    const { ctx } = recordingContext();
    const scan = runScan(
      {
        sources: [
          spec('declared', async () => [declaredSource(events)], events),
          spec(
            'live',
            async () => {
              throw inputError('live.json', 'no such file');
            },
            events,
          ),
        ],
        policies: recordingEvaluator(events),
        toolVersion: 'test',
      },
      ctx,
    );
    await expect(scan).rejects.toBeInstanceOf(ScanInputError);
    expect(events).toEqual([
      'resolve declared',
      'read declared',
      'add declared:vol-1 declared:vol-2, more',
      'resolve live',
      'cancel',
    ]);
  });

  it('a declared side that cannot be read at all fails the scan before the live side is read', async () => {
    const events: string[] = [];
    const { ctx } = recordingContext();
    const scan = runScan(
      {
        sources: [
          spec(
            'declared',
            async () => {
              throw inputError('prod.tfstate', 'no such file');
            },
            events,
          ),
          spec('live', async () => [liveSource(events)], events),
        ],
        policies: recordingEvaluator(events),
        toolVersion: 'test',
      },
      ctx,
    );
    await expect(scan).rejects.toBeInstanceOf(ScanInputError);
    expect(events).toEqual(['resolve declared']);
  });
});
