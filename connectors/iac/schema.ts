/** Which files are read, by default: Terraform, tfvars, CloudFormation (YAML/JSON) and ARM templates (JSON). */
export const DEFAULT_GLOBS = [
  '**/*.tf',
  '**/*.tfvars',
  '**/*.json',
  '**/*.yaml',
  '**/*.yml',
  '**/*.template',
];

/** What `--repo` reads: a local path or a remote URL, at `--ref`. */
export interface RepoSpec {
  repo: string;
  ref?: string;
  /** Set with --follow-backends; `workspace` is the --workspace whose states the backends name. */
  backends?: { workspace?: string };
}

export function isRemote(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}
