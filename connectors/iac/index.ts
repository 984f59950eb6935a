import { isAbsolute, join, relative, resolve } from 'node:path';
import { displayPath } from '../../src/connector/expand-paths.js';
import type { CommitTree, Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { inputError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model/report.js';
import { terraformStateConnector } from '../terraform-state/index.js';
import type { RepoFile } from './client.js';
import { CONNECTOR_ID, toResource } from './map.js';
import { isRemote, type RepoSpec } from './schema.js';

/** `--repo` with `--ref`, `--follow-backends` and `--workspace`; a local `repo` is relative to `baseDir`. */
export interface RepoOptions extends RepoSpec {
  baseDir: string;
}

/**
 * The declaration only: the parsers, Git and the backend reader are imported when a repository is read, so that a
 * scan without `--repo` (or `driftwarden connectors`) never loads them.
 */
export const iacConnector: Connector<RepoOptions> = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary:
    'infrastructure code in a Git repository, at any ref: Terraform HCL, CloudFormation and ARM templates',
  usage: '--repo <path|url> [--ref <ref>]',
  parse(repo, { baseDir, ref, followBackends, workspace }) {
    return {
      repo,
      baseDir,
      ...(ref ? { ref } : {}),
      ...(followBackends ? { backends: workspace ? { workspace } : {} } : {}),
    };
  },
  atCommit: codeAtCommit,
  async resolve(parsed: RepoOptions, ctx: ConnectorContext): Promise<Source[]> {
    const location = `${parsed.repo}${parsed.ref ? `@${parsed.ref}` : ''}`;
    // Following backends needs the files now, to find the states: they are read once and kept for read().
    const early = parsed.backends ? await readFiles(parsed) : undefined;
    const states = early ? await followBackends(early, parsed, ctx) : [];
    return [
      ...states,
      {
        connector: CONNECTOR_ID,
        side: 'declared',
        location,
        async read(readCtx) {
          readCtx.progress(`reading ${location}`);
          const repo = early ?? (await readFiles(parsed));
          const diagnostics: Diagnostic[] = [...repo.diagnostics];
          const { parseCode } = await import('./parse-code.js');
          const code = await parseCode(repo.files, diagnostics);
          for (const d of diagnostics) readCtx.diagnostic({ ...d });
          const problems = diagnostics
            .filter((d) => d.level !== 'info')
            .map((d) => `${d.source ?? ''}: ${d.message}`);
          // A repository on this machine has the files where the report can point; a clone is gone by now.
          const local = isRemote(parsed.repo) ? undefined : repo.root;
          const resources = code.map((c) =>
            toResource(c, local === undefined ? undefined : fileName(readCtx, join(local, c.file))),
          );
          return { resources, ...(problems.length ? { problems } : {}) };
        },
      },
    ];
  },
};

/**
 * Code in the scan's own repository is read from git at the commit, never from a copy of its files: the same path in
 * the checkout, at the commit's ref. A remote repository, or one outside the repository, is read as it was given.
 */
function codeAtCommit(options: RepoOptions, commit: CommitTree): RepoOptions {
  if (isRemote(options.repo)) return options;
  const inside = relative(commit.root, resolve(options.baseDir, options.repo));
  if (inside.startsWith('..') || isAbsolute(inside)) return options;
  return { ...options, repo: inside || '.', baseDir: commit.checkout, ref: commit.ref };
}

/**
 * The states the repository's backend blocks name, read through the state connector. A backend whose state cannot
 * be found is a failed source named by its block: the scan is then incomplete, as the user asked for that state.
 */
async function followBackends(
  repo: RepositoryFiles,
  parsed: RepoOptions,
  ctx: ConnectorContext,
): Promise<Source[]> {
  const sources: Source[] = [];
  const local = parsed.ref || isRemote(parsed.repo) ? undefined : repo.root;
  const { backendStates } = await import('./backends.js');
  const { states, problems } = await backendStates(repo.files, local, parsed.backends?.workspace);
  for (const state of states) {
    try {
      sources.push(...(await terraformStateConnector.resolve(state.state, ctx)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ source: state.source, message });
    }
  }
  for (const problem of problems) sources.push(unreadableBackend(problem.source, problem.message));
  return sources;
}

interface RepositoryFiles {
  root: string;
  files: RepoFile[];
  /** What reading the files found (skipped files); reported with the code. */
  diagnostics: Diagnostic[];
}

/** The files are held in memory, so a clone is removed as soon as they are read. */
async function readFiles(parsed: RepoOptions): Promise<RepositoryFiles> {
  const diagnostics: Diagnostic[] = [];
  const { readRepository } = await import('./client.js');
  const repo = await readRepository(parsed, parsed.baseDir, diagnostics);
  await repo.cleanup();
  return { root: repo.root, files: repo.files, diagnostics };
}

function fileName(ctx: ConnectorContext, absolute: string): string {
  return ctx.fileName ? ctx.fileName(absolute) : displayPath(absolute, ctx.cwd);
}

function unreadableBackend(location: string, message: string): Source {
  return {
    connector: 'terraform-state',
    side: 'declared',
    location,
    async read() {
      throw inputError(location, message);
    },
  };
}
