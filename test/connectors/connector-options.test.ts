import { describe, expect, it } from 'vitest';
import { iacConnector } from '../../connectors/iac/index.js';
import { connectors } from '../../connectors/index.js';
import { terraformStateConnector } from '../../connectors/terraform-state/index.js';
import { resolveScanSettings } from '../../src/config/resolve.js';
import { localFilesOf, sourcesAtCommit } from '../../src/scan/source-spec.js';

describe('connector options: parsed once, at the edge', () => {
  it('a state spec becomes local files or a backend object; --workspace fills in a URL without one', () => {
    expect(terraformStateConnector.parse('states/*.tfstate', { baseDir: '/repo' })).toEqual({
      kind: 'files',
      pattern: 'states/*.tfstate',
      baseDir: '/repo',
    });
    const s3 = (spec: string) =>
      terraformStateConnector.parse(spec, { baseDir: '/repo', workspace: 'staging' });
    expect(s3('s3://acme-tf/net.tfstate')).toMatchObject({
      kind: 's3',
      objectKey: 'env:/staging/net.tfstate',
    });
    expect(s3('s3://acme-tf/net.tfstate?workspace=prod')).toMatchObject({
      objectKey: 'env:/prod/net.tfstate',
    });
    expect(
      terraformStateConnector.localFiles?.(terraformStateConnector.parse('a.tfstate', { baseDir: '/repo' })),
    ).toEqual(['/repo/a.tfstate']);
    expect(terraformStateConnector.localFiles?.(s3('s3://acme-tf/net.tfstate'))).toEqual([]);
  });

  it('settings carry typed options, and a malformed spec is a usage error before anything is read', () => {
    const settings = resolveScanSettings(
      { state: ['a.tfstate'], repo: 'infra', ref: 'main', 'follow-backends': true, workspace: 'ws' },
      undefined,
      connectors,
      '/work',
    );
    expect(settings.sources.map((s) => [s.connector.id, s.options])).toEqual([
      ['terraform-state', { kind: 'files', pattern: 'a.tfstate', baseDir: '/work' }],
      ['iac', { repo: 'infra', baseDir: '/work', ref: 'main', backends: { workspace: 'ws' } }],
    ]);
    expect(settings.sources.map(localFilesOf)).toEqual([['/work/a.tfstate'], []]);
    expect(() =>
      resolveScanSettings({ live: ['aws-config:regions'] }, undefined, connectors, '/work'),
    ).toThrow(/--live aws-config:regions: expected key=value options/);
  });

  it('code in the scan’s repository is read from git at a commit; a remote repository stays as given', () => {
    const commit = { root: '/tmp/copy', checkout: '/checkout', ref: 'abc123' };
    const local = iacConnector.parse('infra', { baseDir: '/tmp/copy/app' });
    expect(iacConnector.atCommit?.(local, commit)).toEqual({
      repo: 'app/infra',
      baseDir: '/checkout',
      ref: 'abc123',
    });
    const remote = iacConnector.parse('https://github.com/acme/infra.git', {
      baseDir: '/tmp/copy',
      ref: 'v1',
    });
    expect(iacConnector.atCommit?.(remote, commit)).toEqual(remote);
    const [state, code] = sourcesAtCommit(
      resolveScanSettings({ state: ['a.tfstate'], repo: '.' }, undefined, connectors, '/tmp/copy').sources,
      commit,
    );
    expect(state?.options).toEqual({ kind: 'files', pattern: 'a.tfstate', baseDir: '/tmp/copy' });
    expect(code?.options).toEqual({ repo: '.', baseDir: '/checkout', ref: 'abc123' });
  });
});
