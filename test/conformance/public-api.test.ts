import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { snapshot, state } from '../helpers/state.js';

/**
 * The package as a library user gets it: built by `npm run build` into dist/, and
 * imported by its name through package.json `exports`, as Node resolves it. Nothing here imports src/.
 */
type PublicApi = typeof import('../../src/index.js');

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  types: string;
  exports: { '.': { types: string; default: string } };
};

const ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

function estate(): string {
  return tempDir({
    'driftwarden.yml': 'state: prod.tfstate\nlive: [snapshot:live.json]\nfailOn: [drift, high]\n',
    'prod.tfstate': state([
      {
        type: 'aws_iam_policy',
        name: 'admin',
        instances: [{ attributes: { id: 'arn:aws:iam::1:policy/break-glass', policy: ADMIN } }],
      },
      {
        type: 'aws_ebs_volume',
        name: 'data',
        instances: [{ attributes: { id: 'vol-1', encrypted: true, size: 10 } }],
      },
    ]),
    'live.json': snapshot([
      {
        type: 'aws_iam_policy',
        id: 'arn:aws:iam::1:policy/break-glass',
        attributes: { policy: JSON.parse(ADMIN) },
      },
      { type: 'aws_ebs_volume', id: 'vol-1', attributes: { encrypted: true, size: 20 } },
    ]),
  });
}

let api: PublicApi;
let resolved: string;

beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: root }).catch((error: { stdout?: string }) => {
    throw new Error(`npm run build failed:\n${String(error.stdout ?? error).slice(0, 2000)}`);
  });
  // Resolved by Node itself, from inside the package (a self-reference, which only works through `exports`).
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', `process.stdout.write(import.meta.resolve(${JSON.stringify(pkg.name)}))`],
    { cwd: root },
  );
  resolved = stdout;
  api = (await import(resolved)) as PublicApi;
}, 240_000);

describe('the public API (the built package)', () => {
  it('resolves by its name to dist/src/index.js, with its types beside it', () => {
    expect(resolved).toBe(pathToFileURL(join(root, 'dist/src/index.js')).href);
    expect(pkg.main).toBe('dist/src/index.js');
    expect(pkg.exports['.']).toEqual({ types: './dist/src/index.d.ts', default: './dist/src/index.js' });
    expect(pkg.types).toBe('dist/src/index.d.ts');
    expect(readFileSync(join(root, pkg.types), 'utf8')).toContain('executeScan');
  });

  it('scans a state against a snapshot from a config file, as the CLI does, with real findings', async () => {
    const cwd = estate();
    const loaded = await api.loadConfigFile(join(cwd, 'driftwarden.yml'), 'driftwarden.yml');
    const settings = api.resolveScanSettings({}, loaded, api.connectors, cwd);
    const { report, rules } = await api.executeScan(
      settings,
      api.createScanContext({ cwd, env: {} }),
      '0.0.0-test',
    );

    expect(api.reportSchema.parse(report)).toEqual(report);
    expect(report.scan.complete).toBe(true);
    expect(report.drift.map((entry) => [entry.kind, entry.key, entry.changes])).toEqual([
      ['changed', 'aws_ebs_volume.vol-1', [{ path: 'size', declared: 10, live: 20 }]],
    ]);
    expect(report.violations.map((v) => [v.ruleId, v.origin, v.severity, v.address])).toEqual([
      ['DW-AWS-IAM-001', 'declared', 'critical', 'aws_iam_policy.admin'],
      ['DW-AWS-IAM-001', 'live', 'critical', undefined],
      ['DW-AWS-EBS-002', 'declared', 'low', 'aws_ebs_volume.data'],
    ]);
    expect(rules.some((rule) => rule.id === 'DW-AWS-IAM-001')).toBe(true);
    expect(api.exitCodeFor(report, settings.failOn)).toBe(api.EXIT.findings);
    expect(api.exitCodeFor(report, ['none'])).toBe(api.EXIT.clean);
  });

  it('renders the report in every format by name, and JSON round-trips through the schema', async () => {
    const cwd = estate();
    const settings = api.resolveScanSettings(
      { state: ['prod.tfstate'], live: ['snapshot:live.json'] },
      undefined,
      api.connectors,
      cwd,
    );
    const { report, rules } = await api.executeScan(settings, api.createScanContext({ cwd, env: {} }), '1');
    expect(Object.keys(api.RENDERERS)).toEqual([...api.REPORT_FORMATS]);
    for (const format of api.REPORT_FORMATS) {
      expect(api.render(format, report, { rules })).toContain(
        format === 'sarif' ? 'DW-AWS-IAM-001' : 'vol-1',
      );
    }
    expect(api.reportSchema.parse(JSON.parse(api.renderJson(report)))).toEqual(report);
    expect(api.renderMarkdown(report)).toBe(api.render('markdown', report));
  });

  it('fails with DriftwardenError, with a code, on a usage mistake', () => {
    const cwd = estate();
    let caught: unknown;
    try {
      api.resolveScanSettings({ state: ['prod.tfstate'], format: 'yaml' }, undefined, api.connectors, cwd);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(api.DriftwardenError);
    expect(api.isDriftwardenError(caught) && caught.code).toBe('usage');
    expect((caught as Error).message).toBe(
      `--format yaml: unknown format (known: ${api.REPORT_FORMATS.join(', ')})`,
    );
  });

  it('lists every connector of the registry', () => {
    expect(api.connectors.map((connector) => connector.id)).toEqual(
      expect.arrayContaining(['terraform-state', 'snapshot', 'aws-config', 'azure', 'iac']),
    );
  });
});
