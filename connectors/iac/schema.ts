import { z } from 'zod';

/** Which files are read, by default: Terraform, tfvars, CloudFormation (YAML/JSON) and ARM templates (JSON). */
export const DEFAULT_GLOBS = [
  '**/*.tf',
  '**/*.tfvars',
  '**/*.json',
  '**/*.yaml',
  '**/*.yml',
  '**/*.template',
];

export const repoSpecSchema = z.object({
  repo: z.string().min(1),
  ref: z.string().min(1).optional(),
});

export interface RepoSpec {
  repo: string;
  ref?: string;
  /** Set with --follow-backends; `workspace` is the --workspace whose states the backends name. */
  backends?: { workspace?: string };
}

/**
 * `<path|url>[#<ref>][?backends[=<workspace>]]`, as `--repo` (with `--ref`, `--follow-backends` and
 * `--workspace`) builds it. A ref cannot contain `?` (git check-ref-format), so the suffix is unambiguous.
 */
export function parseRepoSpec(spec: string): RepoSpec {
  const suffix = /\?backends(?:=([^?#]*))?$/.exec(spec);
  const rest = suffix ? spec.slice(0, suffix.index) : spec;
  const hash = rest.lastIndexOf('#');
  const parsed: RepoSpec =
    hash > 0 ? { repo: rest.slice(0, hash), ref: rest.slice(hash + 1) } : { repo: rest };
  if (suffix) parsed.backends = suffix[1] ? { workspace: decodeURIComponent(suffix[1]) } : {};
  return parsed;
}

export function isRemote(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}
