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

/** `<path|url>[#<ref>]`, as `--repo` (with `--ref`) builds it. */
export function parseRepoSpec(spec: string): { repo: string; ref?: string } {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? { repo: spec.slice(0, hash), ref: spec.slice(hash + 1) } : { repo: spec };
}

export function isRemote(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}
