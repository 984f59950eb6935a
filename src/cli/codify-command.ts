import { resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { codifyPlan } from '../codify/plan.js';
import { renderCodify } from '../codify/render.js';
import { SCAN_OPTIONS } from '../config/options.js';
import { resolveScanSettings } from '../config/resolve.js';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import type { Report } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { executeScan } from '../scan/execute-scan.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { loadBaseline } from '../scan/load-baseline.js';
import { type ParseOptions, parseScanArguments } from './args.js';
import { connectorContext } from './connector-context.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';
import { loadConfig } from './scan-command.js';
import { writeNewFile } from './write-new-file.js';

export const CODIFY_HELP = `Usage: driftwarden codify [source options] [--with-config] [--out <file>]
       driftwarden codify --report <report.json> [--out <file>]

Writes Terraform import blocks for the unmanaged resources: scanned with the scan's source options and --config
(driftwarden.yml when present), or read from a JSON report (driftwarden scan --output json=<file>). Each block has
the type's Terraform import id from driftwarden's type catalogue and a resource name from the live name, grouped
per provider, account or subscription, and type. Then: terraform plan -generate-config-out=generated.tf
Resources whose import id is not known are listed in comments, never guessed.

Options:
  --with-config          also write a resource block per import from the live attributes (not from --report,
                         which holds none): computed, sensitive, masked and unknown values and nested blocks are
                         left out, and named
  --report <file>        codify the unmanaged resources of this JSON report instead of scanning
  --out <file>           write the HCL to this file instead of stdout
  --force                replace the --out file when it exists
  source options         --state, --plan, --repo, --ref, --follow-backends, --live, --workspace, --strict,
                         --ignore-file, --confine, --config: as for "driftwarden scan --help"

Exit codes: 0 written, 2 usage or input error, 3 the scan (or the report's) was incomplete: what was written is
partial.
`;

const OPTIONS: ParseOptions = {
  'with-config': { type: 'boolean' },
  report: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
};

/** Scan flags about findings and report files, which codify does not produce. */
const NOT_FOR_CODIFY = [
  'format',
  'output',
  'baseline',
  'fail-on',
  'policies',
  'policy-bundle',
  'no-builtin-policies',
  'color',
  'max-rows',
  'quiet',
];

interface CodifyInput {
  report: Report;
  live?: ReadonlyMap<string, readonly Resource<'live'>[]>;
  /** The addresses the scanned states and code declare, so that no written name repeats one. */
  addresses?: readonly string[];
  source: string;
}

/** `driftwarden codify`: unmanaged resources -> import blocks (and resource blocks) in HCL. */
export async function codifyCommand(
  argv: readonly string[],
  io: CliIo,
  debug: boolean,
  version: string,
): Promise<ExitCode> {
  refuseScanOnlyFlags(argv);
  const flags = parseScanArguments(argv, io.env, { name: 'codify', options: OPTIONS });
  if (flags.help) {
    io.stdout.write(CODIFY_HELP);
    return EXIT.clean;
  }
  const withConfig = flags['with-config'] === true;
  const input =
    typeof flags.report === 'string'
      ? await fromReport(flags.report, io, withConfig)
      : await fromScan(flags, io, debug, version);
  const plan = codifyPlan(input.report.drift, {
    withConfig,
    ...(input.live ? { live: input.live } : {}),
    ...(input.addresses ? { takenAddresses: input.addresses } : {}),
  });
  const text = renderCodify(plan, withConfig);
  if (typeof flags.out === 'string') {
    const path = resolve(io.cwd, flags.out);
    await writeNewFile({ path, display: displayPath(path, io.cwd) }, text, flags.force === true);
  } else io.stdout.write(text);
  const imports = plan.groups.reduce((sum, group) => sum + group.imports.length, 0);
  io.stderr.write(
    `driftwarden: ${imports} import block${imports === 1 ? '' : 's'} for the unmanaged resources of ${oneLine(input.source)}${plan.notCodified.length > 0 ? `; ${plan.notCodified.length} listed without one (no known import id)` : ''}\n`,
  );
  if (input.report.scan.complete) return EXIT.clean;
  io.stderr.write(
    'driftwarden: the scan is incomplete: live resources whose declaration could not be read are unknown, not unmanaged, and have no import block\n',
  );
  return EXIT.incomplete;
}

function refuseScanOnlyFlags(argv: readonly string[]): void {
  const shorts = new Map(
    SCAN_OPTIONS.filter((option) => option.short && NOT_FOR_CODIFY.includes(option.flag)).map(
      (option) => [option.short, option.flag] as const,
    ),
  );
  for (const arg of argv) {
    if (arg === '--') return;
    const flag = /^--([a-z-]+)/.exec(arg)?.[1] ?? shorts.get(/^-([a-zA-Z])/.exec(arg)?.[1] ?? '');
    if (flag === undefined || !NOT_FOR_CODIFY.includes(flag)) continue;
    const instead = flag === 'output' ? ' (the HCL goes to stdout, or to --out <file>)' : '';
    throw usageError(
      `--${flag} is a scan option codify does not take${instead} (run "driftwarden codify --help")`,
    );
  }
}

async function fromReport(file: string, io: CliIo, withConfig: boolean): Promise<CodifyInput> {
  if (withConfig)
    throw usageError(
      '--with-config needs the live attributes, which a report does not hold: scan instead of --report, or run terraform plan -generate-config-out=generated.tf on the import blocks',
    );
  const path = resolve(io.cwd, file);
  const display = displayPath(path, io.cwd);
  return { report: await loadBaseline({ path, display }), source: display };
}

async function fromScan(
  flags: ReturnType<typeof parseScanArguments>,
  io: CliIo,
  debug: boolean,
  version: string,
): Promise<CodifyInput> {
  const loaded = await loadConfig(flags.config, io.cwd);
  const confine = flags.confine === undefined ? undefined : resolve(io.cwd, flags.confine);
  const resolved = resolveScanSettings(flags, loaded, connectors, io.cwd, confine ? { confine } : {});
  if (!resolved.sources.some((source) => source.side === 'live'))
    throw usageError(
      'codify needs a live source (--live <connector>:<spec>, or live in the config) or --report <file>',
    );
  // Only what tells unmanaged resources apart: no policies, no baseline, no report files.
  const settings = {
    ...resolved,
    policies: { builtin: false, dirs: [], bundles: [] },
    outputs: [],
    baseline: undefined,
  };
  const ctx = connectorContext(io, debug, () => undefined);
  const executed = await executeScan(settings, confine ? { ...ctx, confine } : ctx, version);
  const { declared, code, live } = executed.resources;
  const addresses = [...declared.values(), ...code.values()].flatMap((resource) =>
    resource.source.address === undefined ? [] : [resource.source.address],
  );
  return { report: executed.report, live, addresses, source: 'the scan' };
}
