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
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const repoSpecSchema = z.object({
  repo: z.string().min(1),
  ref: z.string().min(1).optional(),
});

/**
 * `<path|url>[#<ref>][?backends]`, as `--repo` (with `--ref` and `--follow-backends`) builds it. A ref cannot
 * contain `?` (git check-ref-format), so the suffix is unambiguous.
 */
export function parseRepoSpec(spec: string): { repo: string; ref?: string; followBackends?: boolean } {
  const followBackends = spec.endsWith('?backends');
  const rest = followBackends ? spec.slice(0, -'?backends'.length) : spec;
  const hash = rest.lastIndexOf('#');
  const parsed = hash > 0 ? { repo: rest.slice(0, hash), ref: rest.slice(hash + 1) } : { repo: rest };
  return followBackends ? { ...parsed, followBackends } : parsed;
}

export function isRemote(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}
