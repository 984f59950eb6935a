import { createHash } from 'node:crypto';

/**
 * The fake GitHub's repository, branches and Git database, for the fix pull request: `GET /repos/o/r`, `GET
 * /git/ref/heads/<branch>`, `GET /git/commits/<sha>`, `POST /git/trees` (entries with `content`, over a
 * `base_tree`), `POST /git/commits`, `POST /git/refs` (422 when the reference exists) and `POST /pulls`, in the
 * shapes docs.github.com gives (rest/git/trees, rest/git/commits, rest/git/refs, rest/pulls/pulls). Trees are
 * whole file maps, so a test reads exactly what a branch holds.
 */
export type GitReply = [number, unknown];

export interface FakePull {
  number: number;
  title: string;
  head: string;
  base: string;
  body: string;
}

interface Commit {
  tree: string;
  parents: string[];
  message: string;
}

export class FakeGitData {
  defaultBranch = 'main';
  readonly branches = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly trees = new Map<string, Record<string, string>>();
  pulls: FakePull[] = [];

  reset(): void {
    this.branches.clear();
    this.commits.clear();
    this.trees.clear();
    this.pulls = [];
  }

  /** A commit of `files` at the head of `branch`; its sha. */
  seed(files: Record<string, string>, branch = this.defaultBranch): string {
    const tree = this.addTree(files);
    const sha = this.addCommit({ tree, parents: [], message: 'seed' });
    this.branches.set(branch, sha);
    return sha;
  }

  /** The files a branch holds. */
  filesOf(branch: string): Record<string, string> | undefined {
    const sha = this.branches.get(branch);
    const commit = sha === undefined ? undefined : this.commits.get(sha);
    return commit === undefined ? undefined : this.trees.get(commit.tree);
  }

  route(
    method: string,
    rest: string,
    input: Record<string, unknown>,
    newNumber: (title: string) => number,
  ): GitReply | undefined {
    if (method === 'GET' && rest === '')
      return [200, { name: 'r', full_name: 'o/r', default_branch: this.defaultBranch }];
    // Octokit sends the ref of git.getRef as one path parameter, its slashes encoded (`heads%2Fmain`).
    const decoded = decodeURIComponent(rest);
    if (method === 'GET' && decoded.startsWith('/git/ref/heads/')) {
      const name = decoded.slice('/git/ref/heads/'.length);
      const sha = this.branches.get(name);
      return sha === undefined
        ? notFound()
        : [200, { ref: `refs/heads/${name}`, object: { sha, type: 'commit' } }];
    }
    if (method === 'GET' && rest.startsWith('/git/commits/')) {
      const sha = rest.slice('/git/commits/'.length);
      const commit = this.commits.get(sha);
      if (!commit) return notFound();
      return [
        200,
        {
          sha,
          message: commit.message,
          tree: { sha: commit.tree },
          parents: commit.parents.map((p) => ({ sha: p })),
        },
      ];
    }
    if (method !== 'POST') return undefined;
    if (rest === '/git/trees') return this.createTree(input);
    if (rest === '/git/commits') return this.createCommit(input);
    if (rest === '/git/refs') return this.createRef(input);
    if (rest === '/pulls') return this.createPull(input, newNumber);
    return undefined;
  }

  private createTree(input: Record<string, unknown>): GitReply {
    const base = typeof input.base_tree === 'string' ? this.trees.get(input.base_tree) : {};
    if (base === undefined || !Array.isArray(input.tree)) return invalid('Tree', 'base_tree');
    const files = { ...base };
    for (const entry of input.tree as Record<string, unknown>[]) {
      const valid =
        typeof entry.path === 'string' &&
        entry.mode === '100644' &&
        entry.type === 'blob' &&
        typeof entry.content === 'string';
      if (!valid || !Object.hasOwn(files, entry.path as string)) return invalid('Tree', 'tree');
      files[entry.path as string] = entry.content as string;
    }
    return [201, { sha: this.addTree(files) }];
  }

  private createCommit(input: Record<string, unknown>): GitReply {
    const parents = Array.isArray(input.parents) ? (input.parents as string[]) : [];
    if (
      typeof input.tree !== 'string' ||
      !this.trees.has(input.tree) ||
      !parents.every((p) => this.commits.has(p))
    )
      return invalid('Commit', 'tree');
    const sha = this.addCommit({ tree: input.tree, parents, message: String(input.message ?? '') });
    return [201, { sha, tree: { sha: input.tree } }];
  }

  private createRef(input: Record<string, unknown>): GitReply {
    const ref = String(input.ref ?? '');
    if (!ref.startsWith('refs/heads/') || typeof input.sha !== 'string' || !this.commits.has(input.sha))
      return invalid('Reference', 'ref');
    const name = ref.slice('refs/heads/'.length);
    if (this.branches.has(name)) return [422, { message: 'Reference already exists' }];
    this.branches.set(name, input.sha);
    return [201, { ref, object: { sha: input.sha, type: 'commit' } }];
  }

  private createPull(input: Record<string, unknown>, newNumber: (title: string) => number): GitReply {
    const head = String(input.head ?? '');
    const base = String(input.base ?? '');
    if (!this.branches.has(head) || !this.branches.has(base) || head === base)
      return invalid('PullRequest', 'head');
    const title = String(input.title ?? '');
    const pull = { number: newNumber(title), title, head, base, body: String(input.body ?? '') };
    this.pulls.push(pull);
    return [201, { number: pull.number, html_url: `https://github.com/o/r/pull/${pull.number}` }];
  }

  private addTree(files: Record<string, string>): string {
    const sha = hash(JSON.stringify(Object.entries(files).sort()));
    this.trees.set(sha, files);
    return sha;
  }

  private addCommit(commit: Commit): string {
    const sha = hash(JSON.stringify([commit, this.commits.size]));
    this.commits.set(sha, commit);
    return sha;
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function notFound(): GitReply {
  return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
}

function invalid(resource: string, field: string): GitReply {
  return [422, { message: 'Validation Failed', errors: [{ resource, field, code: 'invalid' }] }];
}
