import { usageError } from '../errors.js';

/** Terraform code by its name (a file or the last part of a glob): `main.tf`, `*.tf`, `stack.tf.json`, `x.tfvars`. */
const TERRAFORM_CODE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/i;

/**
 * A state or plan spec that names Terraform code is refused with the flag that reads it: `--state main.tf` would
 * otherwise fail as "invalid JSON", which tells a new user nothing. Returns the spec.
 */
export function notCode(where: string, spec: string, what = 'a state'): string {
  if (!TERRAFORM_CODE.test(spec) || /^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return spec;
  const kind = /\.tfvars/i.test(spec)
    ? 'Terraform variables (tfvars)'
    : /\.json$/i.test(spec)
      ? 'Terraform code in JSON syntax'
      : 'HCL (Terraform code)';
  throw usageError(
    `${where} ${spec}: looks like ${kind}, not ${what}; code is read with --repo <folder>, e.g. --repo .`,
  );
}
