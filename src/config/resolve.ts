import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { displayPath } from '../connector/expand-paths.js';
import type { Connector, SpecContext } from '../connector/types.js';
import { usageError } from '../errors.js';
import { type HistoryLocation, parseHistoryLocation } from '../history/location.js';
import type { ConfigWaiver } from '../policy/waivers.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { localFilesOf, type SourceSpec, sourceSpec } from '../scan/source-spec.js';
import { attributionCalls } from './attribution-setting.js';
import type { LoadedConfig } from './load.js';
import { notCode } from './not-code.js';
import { FAIL_ON_VALUES, type FailOnValue } from './schema.js';
import { type TerminalFlags, type TerminalSettings, terminalSettings } from './terminal-settings.js';

export interface ScanFlags extends TerminalFlags {
  state?: string[];
  plan?: string[];
  live?: string[];
  'ignore-file'?: string;
  confine?: string;
  format?: string;
  output?: string[];
  'fail-on'?: string;
  repo?: string;
  ref?: string;
  'follow-backends'?: boolean;
  baseline?: string;
  history?: string;
  'history-scope'?: string;
  workspace?: string;
  policies?: string[];
  'policy-bundle'?: string[];
  'no-builtin-policies'?: boolean;
  strict?: boolean;
  attribution?: string;
}

export interface ScanSettings {
  sources: SourceSpec[];
  ignoreFile: { path: string; display: string } | undefined;
  ignoreRules: string[];
  format: ReportFormat;
  outputs: { format: ReportFormat; path: string; display: string }[];
  failOn: FailOnValue[];
  policies: {
    builtin: boolean;
    dirs: { path: string; display: string }[];
    bundles: { path: string; display: string }[];
  };
  waivers: ConfigWaiver[];
  baseline: { path: string; display: string } | undefined;
  /** `--history`: where scans are recorded, and the scope (undefined: derived from the sources). */
  history: { location: HistoryLocation; scope: string | undefined } | undefined;
  /** `--strict`: what AWS creates on its own (the default VPC and its parts) is reported unmanaged too. */
  strict: boolean;
  /** `--attribution`: the most who-changed-it look-up calls per scan; 0 is off. */
  attributionCalls: number;
  /** The config file read, as the working directory names it; findings no file declares point at it in SARIF. */
  configFile: string | undefined;
  /** How the console table is shown (--color, --max-rows, --quiet). */
  terminal: TerminalSettings;
}

export const DEFAULT_FAIL_ON: FailOnValue[] = ['drift', 'high'];

export interface ResolveOptions {
  /**
   * Every local path must stay inside this directory (`--confine`, and always in the GitHub Action): an absolute
   * path or a `..` that leaves it is refused. Symlinks are checked where the files are found (expandPaths).
   */
  confine?: string;
  /** Where relative paths given as flags start (the Action's working directory); default: `cwd`. */
  flagsDir?: string;
}

/** Merges flags over the config file: a flag given on the command line replaces the file's value. */
export function resolveScanSettings(
  flags: ScanFlags,
  loaded: LoadedConfig | undefined,
  registry: readonly Connector[],
  cwd: string,
  options: ResolveOptions = {},
): ScanSettings {
  const settings = mergeSettings(flags, loaded, registry, cwd, options);
  if (options.confine !== undefined) confineSettings(settings, options.confine);
  return settings;
}

function mergeSettings(
  flags: ScanFlags,
  loaded: LoadedConfig | undefined,
  registry: readonly Connector[],
  cwd: string,
  options: ResolveOptions,
): ScanSettings {
  const config = loaded?.config ?? {};
  const configDir = loaded?.baseDir ?? cwd;
  const flagsDir = options.flagsDir ?? cwd;
  const baseOf = (flag: unknown) => (flag === undefined ? configDir : flagsDir);
  const stateSpecs = flags.state ?? config.state ?? [];
  const liveSpecs = flags.live ?? config.live ?? [];
  const planSpecs = flags.plan ?? config.plans ?? [];
  const repo = flags.repo ?? config.repo;
  if (stateSpecs.length === 0 && planSpecs.length === 0 && liveSpecs.length === 0 && !repo) {
    throw usageError(
      'nothing to scan: give --state <path|glob>, --plan <path|glob>, --repo <path|url> and --live <connector>:<spec>, or a config file',
    );
  }
  const workspace = flags.workspace ?? config.workspace;
  // Each spec is parsed here, once, by its connector; a path that leaves the confining directory is refused here.
  const confined = (what: string, source: SourceSpec): SourceSpec => {
    if (options.confine !== undefined) confineSource(what, source, options.confine);
    return source;
  };
  const stateContext = { baseDir: baseOf(flags.state), workspace };
  const sources: SourceSpec[] = [
    ...stateSpecs
      .map((spec) => notCode(flags.state ? '--state' : 'state', spec))
      .map((spec) =>
        confined('state', sourceSpec('declared', stateConnectorFor(spec, registry), spec, stateContext)),
      ),
    ...planSpecs.map((spec) =>
      confined(
        'plans',
        sourceSpec(
          'declared',
          connectorById('terraform-plan', '--plan', registry),
          notCode(flags.plan ? '--plan' : 'plans', spec, 'a JSON plan'),
          {
            baseDir: baseOf(flags.plan),
          },
        ),
      ),
    ),
    ...liveSpecs.map((spec) => confined('live', liveSourceFor(spec, registry, baseOf(flags.live)))),
  ];
  if (repo) {
    const baseDir = baseOf(flags.repo);
    if (
      options.confine !== undefined &&
      !isRemoteRepo(repo) &&
      !isInside(options.confine, resolve(baseDir, repo))
    )
      throw usageError(`repo ${repo}: leaves ${options.confine}; paths must stay inside it`);
    const context: SpecContext = {
      baseDir,
      ref: flags.ref ?? config.ref,
      followBackends: Boolean(flags['follow-backends'] ?? config.followBackends),
      workspace,
    };
    sources.push(sourceSpec('declared', connectorById('iac', '--repo', registry), repo, context));
  }

  const ignoreSpec = flags['ignore-file'] ?? config.ignoreFile;
  const ignoreBase = flags['ignore-file'] ? cwd : configDir;
  let ignoreFile: ScanSettings['ignoreFile'];
  if (ignoreSpec) {
    const path = resolve(ignoreBase, ignoreSpec);
    ignoreFile = { path, display: displayPath(path, cwd) };
  } else {
    const implicit = resolve(configDir, '.driftignore');
    if (existsSync(implicit)) ignoreFile = { path: implicit, display: displayPath(implicit, cwd) };
  }

  const format = parseFormat(flags.format ?? config.format ?? 'table', '--format');
  const outputs = flags.output
    ? flags.output.flatMap((item) => parseOutput(item, cwd))
    : Object.entries(config.outputs ?? {}).map(([fmt, file]) =>
        outputFor(parseFormat(fmt, 'outputs'), resolve(configDir, file), cwd),
      );
  const failOn = flags['fail-on'] ? parseFailOn(flags['fail-on']) : (config.failOn ?? DEFAULT_FAIL_ON);
  const pathsFrom = (flag: string[] | undefined, fromConfig: string[] | undefined) =>
    (flag ?? fromConfig ?? []).map((item) => {
      const path = resolve(flag ? flagsDir : configDir, item);
      return { path, display: displayPath(path, cwd) };
    });
  const policies = {
    // DRIFTWARDEN_NO_BUILTIN_POLICIES=false is given, and wins over the file as a flag would.
    builtin:
      flags['no-builtin-policies'] === undefined
        ? (config.builtinPolicies ?? true)
        : !flags['no-builtin-policies'],
    dirs: pathsFrom(flags.policies, config.policies),
    bundles: pathsFrom(flags['policy-bundle'], config.policyBundles),
  };
  const waivers = (config.waivers ?? []).map((w) => ({ ...w }));
  const baselineSpec = flags.baseline ?? config.baseline;
  const baselinePath = baselineSpec ? resolve(flags.baseline ? cwd : configDir, baselineSpec) : undefined;
  const baseline = baselinePath ? { path: baselinePath, display: displayPath(baselinePath, cwd) } : undefined;
  const historySpec = flags.history ?? config.history;
  const history = historySpec
    ? {
        location: parseHistoryLocation(historySpec, flags.history ? cwd : configDir, cwd),
        scope: flags['history-scope'] ?? config.historyScope,
      }
    : undefined;
  return {
    sources,
    ignoreFile,
    ignoreRules: config.ignore ?? [],
    format,
    outputs,
    failOn,
    policies,
    waivers,
    baseline,
    history,
    strict: flags.strict ?? config.strict ?? false,
    attributionCalls: attributionCalls(flags.attribution, config.attribution),
    configFile: loaded ? displayPath(loaded.path, cwd) : undefined,
    terminal: terminalSettings(flags),
  };
}

/** Refuses a source whose local files leave `root`, naming the setting and the spec as written. */
function confineSource(what: string, source: SourceSpec, root: string): void {
  for (const file of localFilesOf(source))
    if (!isInside(root, file))
      throw usageError(`${what} ${named(source)}: leaves ${root}; paths must stay inside it`);
}

/** A source as the user wrote it: `snapshot: ../x.json` for a live source, the path for a declared one. */
function named(source: SourceSpec): string {
  return source.side === 'live' ? `${source.connector.id}: ${source.display}` : source.display;
}

/** Refuses every other local path of the settings that leaves `root`, naming the setting and the path. */
function confineSettings(settings: ScanSettings, root: string): void {
  const check = (what: string, base: string, path: string) => {
    if (!isInside(root, resolve(base, path)))
      throw usageError(`${what} ${path}: leaves ${root}; paths must stay inside it`);
  };
  const files = [
    ['ignoreFile', settings.ignoreFile],
    ['baseline', settings.baseline],
    ['history', settings.history?.location.kind === 'sqlite' ? settings.history.location : undefined],
    ...settings.outputs.map((output) => ['outputs', output] as const),
    ...settings.policies.dirs.map((dir) => ['policies', dir] as const),
    ...settings.policies.bundles.map((dir) => ['policyBundles', dir] as const),
  ] as const;
  for (const [what, file] of files) if (file) check(what, root, file.path);
}

/** Lexically inside: `resolve` has already removed every `..`. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function isRemoteRepo(repo: string): boolean {
  return /:\/\/|^[\w.-]+@[\w.-]+:/.test(repo);
}

function stateConnectorFor(spec: string, registry: readonly Connector[]): Connector {
  const connector = registry.find((c) => c.side === 'declared' && c.acceptsStateSpec?.(spec));
  if (!connector) throw usageError(`--state ${spec}: no connector reads this kind of location`);
  return connector;
}

function connectorById(id: string, flag: string, registry: readonly Connector[]): Connector {
  const connector = registry.find((c) => c.id === id);
  if (!connector) throw usageError(`${flag}: no connector ${id} is registered`);
  return connector;
}

function liveSourceFor(spec: string, registry: readonly Connector[], baseDir: string): SourceSpec {
  const colon = spec.indexOf(':');
  const id = colon === -1 ? spec : spec.slice(0, colon);
  const connector = registry.find((c) => c.side === 'live' && (c.id === id || c.aliases?.includes(id)));
  if (!connector) {
    const known = registry.filter((c) => c.side === 'live').flatMap((c) => [c.id, ...(c.aliases ?? [])]);
    throw usageError(`--live ${spec}: unknown live connector "${id}" (known: ${known.join(', ')})`);
  }
  const context = { baseDir, ...(id !== connector.id ? { invokedAs: id } : {}) };
  return sourceSpec('live', connector, colon === -1 ? '' : spec.slice(colon + 1), context);
}

function parseFormat(value: string, where: string): ReportFormat {
  if (isReportFormat(value)) return value;
  throw usageError(`${where} ${value}: unknown format (known: ${REPORT_FORMATS.join(', ')})`);
}

/**
 * `<format>=<file>`, or driftctl's `<format>://<file>` (`json://report.json`); driftctl's `console://` is the
 * console output, which is always printed, so it adds no file.
 */
function parseOutput(item: string, cwd: string): ScanSettings['outputs'] {
  const driftctl = /^([a-z]+):\/\/(.*)$/i.exec(item);
  if (driftctl) {
    const [, format = '', file = ''] = driftctl;
    if (format.toLowerCase() === 'console') return [];
    if (file === '')
      throw usageError(`--output ${item}: expected <format>://<file>, e.g. json://report.json`);
    return [outputFor(parseFormat(format.toLowerCase(), '--output'), resolve(cwd, file), cwd)];
  }
  const eq = item.indexOf('=');
  if (eq <= 0 || eq === item.length - 1)
    throw usageError(`--output ${item}: expected <format>=<file>, e.g. json=report.json`);
  return [outputFor(parseFormat(item.slice(0, eq), '--output'), resolve(cwd, item.slice(eq + 1)), cwd)];
}

function outputFor(format: ReportFormat, path: string, cwd: string): ScanSettings['outputs'][number] {
  return { format, path, display: displayPath(path, cwd) };
}

export function parseFailOn(value: string): FailOnValue[] {
  const items = value.split(',').map((item) => item.trim().toLowerCase());
  for (const item of items) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(item)) {
      throw usageError(
        `--fail-on ${value}: unknown value "${item}" (use none, drift, or a severity: critical, high, medium, low)`,
      );
    }
  }
  return items as FailOnValue[];
}
