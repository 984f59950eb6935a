import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies point one way (STYLE.md): the core never reaches the connectors, the entry points, the opa
 * toolchain, a cloud SDK, child processes or the process's globals; a connector reaches only the model, the
 * connector types, the errors and the utilities, besides its own folder and its SDKs. Imports are read with a
 * regex over the sources, so this needs no build.
 */
const root = join(import.meta.dirname, '../..');

const CORE = ['src/model', 'src/normalise', 'src/diff', 'src/policy', 'src/report'];
const CORE_FORBIDDEN: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^connectors(\/|$)/, what: 'a connector' },
  { pattern: /^src\/(cli|action|scan|config)\//, what: 'an entry point or the scan' },
  { pattern: /^src\/policy-toolchain\//, what: 'the opa toolchain' },
  { pattern: /^@aws-sdk\/|^@azure\/|^@smithy\//, what: 'a cloud SDK' },
  { pattern: /^(node:)?child_process$/, what: 'child processes' },
];
const CONNECTOR_ALLOWED = /^src\/(model|connector|util)\/|^src\/errors\.js$/;

/** Imports outside those rules that are meant (or not yet moved); each entry must still be needed. */
const ALLOWED: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'connectors/terraform-plan/',
    to: 'connectors/terraform-state/',
    why: 'a plan embeds the state format (prior_state) and maps it the same way',
  },
  {
    from: 'connectors/iac/',
    to: 'connectors/terraform-state/',
    why: 'following a root module backend block reads its state through the state connector',
  },
];

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The modules a file imports: repository paths for relative ones (`src/model/report.js`), else the specifier. */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of withoutComments(text).matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? '';
    found.push(specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : specifier);
  }
  return found;
}

interface Violation {
  file: string;
  problem: string;
}

function coreViolations(file: string, text: string): Violation[] {
  const problems = importsOf(file, text).flatMap((target) =>
    CORE_FORBIDDEN.filter(({ pattern }) => pattern.test(target)).map(({ what }) => ({
      file,
      problem: `imports ${what}: ${target}`,
    })),
  );
  if (/\bprocess\s*\.\s*\w/.test(withoutComments(text)))
    problems.push({ file, problem: 'reads process.* (env, argv, exit): take it as an argument' });
  return problems;
}

function connectorViolations(file: string, text: string): Violation[] {
  const own = `${file.split('/').slice(0, 2).join('/')}/`;
  return importsOf(file, text).flatMap((target) => {
    const relativeImport = target.startsWith('src/') || target.startsWith('connectors');
    if (!relativeImport || target.startsWith(own) || CONNECTOR_ALLOWED.test(target)) return [];
    if (ALLOWED.some((entry) => file.startsWith(entry.from) && target.startsWith(entry.to))) return [];
    return [{ file, problem: `imports ${target}` }];
  });
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const connectorFiles = readdirSync(join(root, 'connectors'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => sources(`connectors/${entry.name}`));

describe('dependency direction', () => {
  it('the core imports no connector, entry point, toolchain, cloud SDK or child process, and reads no process.*', () => {
    const files = CORE.flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => coreViolations(file, read(file)))).toEqual([]);
  });

  it('a connector imports only src/model, src/connector, src/errors, src/util, its own folder and packages', () => {
    expect(connectorFiles.length).toBeGreaterThan(50);
    expect(connectorFiles.flatMap((file) => connectorViolations(file, read(file)))).toEqual([]);
  });

  it('only the entry points and the public src/index.ts import the connector registry', () => {
    const importers = sources('src').filter((file) =>
      importsOf(file, read(file)).includes('connectors/index.js'),
    );
    expect(
      importers.every((file) => /^src\/(cli|action)\/|^src\/index\.ts$/.test(file)),
      importers.join(', '),
    ).toBe(true);
    expect(importers).toContain('src/index.ts');
  });

  it('every allowed import is still used', () => {
    for (const entry of ALLOWED) {
      const used = connectorFiles.some(
        (file) =>
          file.startsWith(entry.from) && importsOf(file, read(file)).some((t) => t.startsWith(entry.to)),
      );
      expect(used, `${entry.from} -> ${entry.to} is allowed but no longer imported`).toBe(true);
    }
  });

  it('catches what it is meant to: each kind of violation in an inline file', () => {
    const core = [
      "import { connectors } from '../../connectors/index.js';",
      "import type { ScanSettings } from '../config/resolve.js';",
      "import { findOpa } from '../policy-toolchain/opa.js';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { execFile } from 'node:child_process';",
      "const { spawn } = await import('child_process');",
      'const region = process.env.AWS_REGION;',
      '// process.exit is only named in this comment',
      "import { severityRank } from '../model/severity.js';",
    ].join('\n');
    expect(coreViolations('src/policy/example.ts', core).map((v) => v.problem)).toEqual([
      'imports a connector: connectors/index.js',
      'imports an entry point or the scan: src/config/resolve.js',
      'imports the opa toolchain: src/policy-toolchain/opa.js',
      'imports a cloud SDK: @aws-sdk/client-s3',
      'imports child processes: node:child_process',
      'imports child processes: child_process',
      'reads process.* (env, argv, exit): take it as an argument',
    ]);
    const connector = [
      "import { inputError } from '../../src/errors.js';",
      "import type { Resource } from '../../src/model/resource.js';",
      "import { mapItem } from './map/index.js';",
      "import { ConfigServiceClient } from '@aws-sdk/client-config-service';",
      "import { applyWaivers } from '../../src/policy/waivers.js';",
      "import { snapshotConnector } from '../snapshot/index.js';",
    ].join('\n');
    expect(connectorViolations('connectors/aws-config/read.ts', connector)).toEqual([
      { file: 'connectors/aws-config/read.ts', problem: 'imports src/policy/waivers.js' },
      { file: 'connectors/aws-config/read.ts', problem: 'imports connectors/snapshot/index.js' },
    ]);
  });
});
