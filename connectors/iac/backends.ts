import { isAbsolute, join, posix, relative } from 'node:path';
import { isPlainObject } from '../../src/model/value.js';
import type { StateOptions } from '../terraform-state/index.js';
import { azurermStateLocation, s3StateLocation } from '../terraform-state/remote.js';
import type { RepoFile } from './client.js';
import { parseHcl } from './hcl-parse.js';

/** A root module's state, as its `backend` block names it, in the state connector's options. */
export interface BackendState {
  state: StateOptions;
  /** The file and line of the backend block. */
  source: string;
}

/** A backend block whose state cannot be found: the scan is incomplete, and this says why. */
export interface BackendProblem {
  source: string;
  message: string;
}

/**
 * Finds where each root module keeps its state from its `terraform { backend "…" { … } }` block: an s3 or azurerm
 * backend object, or for local a path beside the module (in the working tree only: state files are not committed). A value that is not a literal (partial configuration given with
 * `-backend-config` at init) cannot be known, and the block is a problem; so is a `cloud` block, whose state lives
 * in HCP Terraform, which driftwarden does not read. `workspace` picks a workspace other than the default.
 */
export async function backendStates(
  files: readonly RepoFile[],
  root: string | undefined,
  workspace: string | undefined,
): Promise<{ states: BackendState[]; problems: BackendProblem[] }> {
  const states: BackendState[] = [];
  const problems: BackendProblem[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.tf') || !/\b(backend\s+"|cloud\s*\{)/.test(file.text)) continue;
    const parsed = await parseHcl(file.path, file.text);
    if (!('json' in parsed)) continue; // the HCL reader names the file
    const { json } = parsed;
    const blocks = Array.isArray(json.terraform) ? json.terraform : [];
    for (const block of blocks) {
      if (!isPlainObject(block)) continue;
      if (block.cloud !== undefined) {
        problems.push(
          problem(file, 'cloud', 'a `cloud` block: the state is in HCP Terraform, which is not read'),
        );
      }
      const backend = isPlainObject(block.backend) ? block.backend : {};
      for (const [kind, bodies] of Object.entries(backend)) {
        const body = Array.isArray(bodies) && isPlainObject(bodies[0]) ? bodies[0] : {};
        const found = stateOf(kind, body, file, root, workspace);
        if ('problem' in found) problems.push(problem(file, `backend "${kind}"`, found.problem));
        else states.push({ state: found, source: at(file, `backend "${kind}"`) });
      }
    }
  }
  return { states, problems };
}

function stateOf(
  kind: string,
  body: Record<string, unknown>,
  file: RepoFile,
  root: string | undefined,
  workspace: string | undefined,
): StateOptions | { problem: string } {
  const literal = (name: string): string | undefined => {
    const value = body[name];
    return typeof value === 'string' && value !== '' && !value.includes('${') ? value : undefined;
  };
  const need = (names: string[]) => {
    const missing = names.filter((n) => literal(n) === undefined);
    return missing.length
      ? {
          problem: `backend "${kind}" has no literal ${missing.join(', ')} (partial configuration?); give the state with --state`,
        }
      : undefined;
  };
  switch (kind) {
    case 's3': {
      const problem = need(['bucket', 'key']);
      if (problem) return problem;
      return s3StateLocation({
        bucket: literal('bucket') ?? '',
        key: literal('key') ?? '',
        workspace,
        workspaceKeyPrefix: literal('workspace_key_prefix'),
      });
    }
    case 'azurerm': {
      const problem = need(['storage_account_name', 'container_name', 'key']);
      if (problem) return problem;
      return azurermStateLocation({
        account: literal('storage_account_name') ?? '',
        container: literal('container_name') ?? '',
        key: literal('key') ?? '',
        workspace,
      });
    }
    case 'local': {
      if (!root)
        return { problem: 'backend "local": a local state is read from the working tree only, not at a ref' };
      // Terraform keeps other workspaces under terraform.tfstate.d/<workspace>/; `path` is the default's.
      const path =
        workspace && workspace !== 'default'
          ? `terraform.tfstate.d/${workspace}/terraform.tfstate`
          : (literal('path') ?? 'terraform.tfstate');
      const full = isAbsolute(path) ? path : join(root, posix.dirname(file.path), path);
      const inside = relative(root, full);
      if (inside.startsWith('..') || isAbsolute(inside))
        return {
          problem: `backend "local" path ${JSON.stringify(path)} is outside the repository; give it with --state`,
        };
      if (/[*?[\]{}]/.test(path))
        return {
          problem: `backend "local" path ${JSON.stringify(path)} has glob characters; give it with --state`,
        };
      return { kind: 'files', pattern: full, baseDir: root };
    }
    default:
      return { problem: `backend "${kind}" is not one driftwarden reads (s3, azurerm, local)` };
  }
}

function at(file: RepoFile, needle: string): string {
  const index = file.text.indexOf(needle);
  const line = index < 0 ? 1 : file.text.slice(0, index).split('\n').length;
  return `${file.path}:${line}`;
}

function problem(file: RepoFile, needle: string, message: string): BackendProblem {
  return { message, source: at(file, needle) };
}
