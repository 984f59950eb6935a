import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * OpenTofu for the codify suites: .tools/bin/tofu (bash test/scripts/install-tofu.sh) or `tofu` on the PATH. The
 * suites skip with a visible notice when it is missing; .ci/run sets DRIFTWARDEN_REQUIRE_TOFU=1, which makes them
 * mandatory. Everything runs offline: no provider is installed, the CLI configuration is empty.
 */
const root = join(import.meta.dirname, '../..');
const pinned = join(root, '.tools/bin/tofu');
export const tofuPath = existsSync(pinned)
  ? pinned
  : spawnSync('tofu', ['version'], { stdio: 'ignore' }).status === 0
    ? 'tofu'
    : undefined;
export const tofuRequired = process.env.DRIFTWARDEN_REQUIRE_TOFU === '1';
if (!tofuPath && !tofuRequired) {
  console.warn(
    '\n  NOTICE: tofu not found; the OpenTofu checks of codify output are SKIPPED. Install it with: bash test/scripts/install-tofu.sh\n',
  );
}

/**
 * The provider-less check that works offline: each provider's local name points at OpenTofu's built-in provider,
 * so `tofu init` needs no registry and `tofu validate` checks the import blocks (their `to` addresses, ids and
 * duplicates) without any provider schema. Resource blocks would need the real provider's schema, so they are
 * checked by `tofu fmt` (syntax and layout) and their values by `evaluate`.
 */
export interface TofuRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(dir: string, args: string[], input?: string): TofuRun {
  if (!tofuPath) throw new Error('tofu is not installed');
  const result = spawnSync(tofuPath, [...args, '-no-color'], {
    cwd: dir,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: dir, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function inTempDir<T>(files: Record<string, string>, body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'dw-tofu-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `tofu validate -json` of import blocks, with the providers mapped to the built-in one (see above). */
export function validateImports(
  hcl: string,
  providers: readonly string[] = ['aws'],
): TofuRun & { valid: boolean } {
  const required = providers.map((name) => `    ${name} = { source = "terraform.io/builtin/terraform" }\n`);
  const config = `terraform {\n  required_providers {\n${required.join('')}  }\n}\n`;
  return inTempDir({ 'providers.tf': config, 'main.tf': hcl }, (dir) => {
    const init = run(dir, ['init', '-backend=false', '-input=false']);
    if (init.status !== 0) return { ...init, valid: false };
    const validated = run(dir, ['validate', '-json']);
    const parsed = JSON.parse(validated.stdout) as { valid: boolean };
    return { ...validated, valid: parsed.valid };
  });
}

/** `tofu fmt -check` of one file: 0 when it parses and is already formatted as OpenTofu formats it. */
export function fmtCheck(hcl: string): TofuRun {
  return inTempDir({ 'main.tf': hcl }, (dir) => run(dir, ['fmt', '-check', '-diff', 'main.tf']));
}

/** The values OpenTofu reads from HCL expressions: each one an output, applied to a local state, read as JSON. */
export function evaluate(expressions: readonly string[]): unknown[] {
  const outputs = expressions.map((text, index) => `output "v${index}" {\n  value = ${text}\n}\n`).join('');
  return inTempDir({ 'main.tf': outputs }, (dir) => {
    const applied = run(dir, ['apply', '-auto-approve', '-input=false']);
    if (applied.status !== 0) throw new Error(`tofu apply failed: ${applied.stderr || applied.stdout}`);
    const read = run(dir, ['output', '-json']);
    const values = JSON.parse(read.stdout) as Record<string, { value: unknown }>;
    return expressions.map((_text, index) => values[`v${index}`]?.value);
  });
}
