import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { backendStates } from '../../connectors/iac/backends.js';
import { templateKind } from '../../connectors/iac/template-kind.js';
import { isTerraformJson } from '../../connectors/iac/terraform-json.js';
import { planSchema } from '../../connectors/terraform-plan/schema.js';
import type { StateOptions } from '../../connectors/terraform-state/index.js';
import { stateV4Schema } from '../../connectors/terraform-state/schema.js';
import { readTextFile } from '../connector/read-json-file.js';
import { isDriftwardenError } from '../errors.js';
import { snapshotSchema } from '../model/snapshot.js';
import { hasControlCharacter } from '../util/control-characters.js';
import { jsonNestingExcessOffset } from '../util/depth.js';
import { type CloudHints, cloudHintsOf, mergeHints } from './init-hints.js';

/** What `driftwarden init` found in a folder; paths are relative to it, with forward slashes. */
export interface Discovery {
  /** Terraform states of format version 4, by directory ('' for the folder itself). */
  states: Map<string, string[]>;
  /** Every `*.tfstate` name by directory, read or not: a glob is written only when it would read just the good ones. */
  stateNames: Map<string, string[]>;
  plans: string[];
  snapshots: string[];
  terraformFiles: number;
  templates: { cloudformation: number; arm: number };
  /** Backend blocks: where each root module keeps its state (`main.tf:3 backend "s3"`), or why it cannot be known. */
  backends: { source: string; detail: string }[];
  driftignore: boolean;
  hints: CloudHints;
  /** Files that were looked at and left out, each with the reason. */
  skipped: { path: string; reason: string }[];
  /** Set when the walk stopped early; what it did not reach is unknown. */
  truncated?: string;
}

/**
 * Dependency folders, which hold other projects' files (test states of vendored providers, templates of packages);
 * dot-folders are skipped too. Names such as `build` or `dist` are entered: an estate may keep its code there.
 */
const SKIPPED_DIRS = new Set(['node_modules', 'vendor']);

/** An infrastructure repository has hundreds of files; past this the walk stops and says so. */
export const MAX_INIT_ENTRIES = 50_000;
const MAX_DEPTH = 12;
/** The iac connector reads templates up to these sizes (connectors/iac/README.md). */
const MAX_CODE_BYTES = 2 * 1024 * 1024;
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Above this a JSON file is not opened to see whether it is a plan or a snapshot; states are read to any size. */
const MAX_SNIFFED_JSON_BYTES = 64 * 1024 * 1024;

/** Looks through a folder for what a scan can read. Nothing is executed; unreadable files are listed, not fatal. */
export async function discover(root: string): Promise<Discovery> {
  const found: Discovery = {
    states: new Map(),
    stateNames: new Map(),
    plans: [],
    snapshots: [],
    terraformFiles: 0,
    templates: { cloudformation: 0, arm: 0 },
    backends: [],
    driftignore: false,
    hints: { awsRegions: new Set(), azureSubscriptions: new Set(), providers: new Set() },
    skipped: [],
  };
  const files = await listFiles(root, found);
  const backendFiles: { path: string; text: string }[] = [];
  for (const path of files) {
    const absolute = join(root, path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (path === '.driftignore') found.driftignore = true;
    else if (name.endsWith('.tfstate')) await readState(path, absolute, found);
    else if (name.endsWith('.tf') || isTerraformJson(name) || name.endsWith('.tfvars')) {
      if (!name.endsWith('.tfvars')) found.terraformFiles++;
      if (name.endsWith('.tf')) {
        const text = await readOrSkip(absolute, path, MAX_CODE_BYTES, found);
        if (text !== undefined && /\b(backend\s+"|cloud\s*\{)/.test(text)) backendFiles.push({ path, text });
      }
    } else if (/\.(json|ya?ml|template)$/.test(name)) await readDataFile(path, absolute, found);
  }
  const { states, problems } = await backendStates(backendFiles, root, undefined);
  for (const { state, source } of states) found.backends.push({ source, detail: describeBackend(state) });
  for (const { source, message } of problems) found.backends.push({ source, detail: message });
  return found;
}

async function readState(path: string, absolute: string, found: Discovery): Promise<void> {
  const dir = dirOf(path);
  found.stateNames.set(dir, [...(found.stateNames.get(dir) ?? []), path]);
  const text = await readOrSkip(absolute, path, undefined, found);
  if (text === undefined) return;
  const parsed = stateV4Schema.safeParse(parseOrUndefined(text));
  if (!parsed.success) {
    found.skipped.push({ path, reason: 'not a Terraform state of format version 4' });
    return;
  }
  found.states.set(dir, [...(found.states.get(dir) ?? []), path]);
  mergeHints(found.hints, cloudHintsOf(parsed.data));
}

/** JSON and YAML are many things: plans and snapshots are told by their version keys, templates as iac tells them. */
async function readDataFile(path: string, absolute: string, found: Discovery): Promise<void> {
  const isJson = path.endsWith('.json');
  const text = await readOrSkip(absolute, path, isJson ? MAX_SNIFFED_JSON_BYTES : MAX_CODE_BYTES, found);
  if (text === undefined) return;
  if (isJson && /"(format_version|snapshotVersion)"\s*:/.test(text)) {
    const json = parseOrUndefined(text);
    if (snapshotSchema.safeParse(json).success) return void found.snapshots.push(path);
    if (planSchema.safeParse(json).success) return void found.plans.push(path);
  }
  if (text.length > (isJson ? MAX_JSON_BYTES : MAX_CODE_BYTES)) return;
  const kind = templateKind(text);
  if (kind !== undefined) found.templates[kind]++;
}

async function readOrSkip(
  absolute: string,
  path: string,
  maxBytes: number | undefined,
  found: Discovery,
): Promise<string | undefined> {
  try {
    return await readTextFile(absolute, path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    if (!isDriftwardenError(error)) throw error;
    found.skipped.push({ path, reason: error.message.replace(`${path}: `, '') });
    return undefined;
  }
}

/**
 * The walk: sorted, so the config is the same on every machine; dot-folders (`.git`, `.terraform`, whose
 * `terraform.tfstate` is the backend's settings and not a state) and dependency folders are not entered, and
 * symbolic links to folders are not followed. Anything else is listed by name, and the reader refuses what is not
 * a regular file (a named pipe, a device) unopened. A name with a control character is listed as skipped: a config line
 * cannot carry it faithfully.
 */
async function listFiles(root: string, found: Discovery): Promise<string[]> {
  const files: string[] = [];
  let walked = 0;
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      if (rel !== '') found.skipped.push({ path: rel, reason: 'the folder cannot be read' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.truncated) return;
      if (++walked > MAX_INIT_ENTRIES) {
        found.truncated = `stopped after ${MAX_INIT_ENTRIES} files and folders; what lies beyond was not looked at`;
        return;
      }
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (hasControlCharacter(entry.name)) {
        found.skipped.push({ path: JSON.stringify(path), reason: 'the name holds a control character' });
      } else if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        if (depth >= MAX_DEPTH) found.skipped.push({ path, reason: `deeper than ${MAX_DEPTH} folders` });
        else await walk(join(dir, entry.name), path, depth + 1);
      } else files.push(path);
    }
  };
  await walk(root, '', 0);
  return files;
}

function describeBackend(state: StateOptions): string {
  return state.kind === 'files' ? 'a local state file beside the module' : state.display;
}

/** Hostile nesting is refused before JSON.parse and zod walk it. */
function parseOrUndefined(text: string): unknown {
  if (jsonNestingExcessOffset(text) >= 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
