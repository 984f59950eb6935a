import type { Diagnostic } from '../model/report.js';
import type { Resource } from '../model/resource.js';

/**
 * Code and state that describe the same Terraform resource are one resource. Code does not know the cloud id its
 * resources get, so it is keyed by address; state knows both. A code resource whose type and address name exactly
 * one state (or plan) resource takes that resource's id, key and account, so that findings, waivers and
 * pull-request changes speak of one resource under one key. Code stays code: the policies check it, and drift
 * compares the state's copy with the cloud.
 *
 * An address is Terraform's (`module.app.aws_s3_bucket.logs[0]`), and unique only within one root module: code
 * from a root module below the top of the repository is keyed under its directory (`(envs/prod).aws_s3_bucket.logs`)
 * while its `source.address` stays Terraform's, so it is paired by that address like code at the top. When two code
 * resources or two state resources share a type and address (several roots, several states), none of them is
 * paired, and a diagnostic says so: which root a state belongs to is not known.
 */
export function pairCodeWithState(
  code: readonly Resource<'code'>[],
  declared: readonly Resource<'declared'>[],
  diagnostics: Diagnostic[],
): void {
  const fromCode = groupByAddress(code.filter((resource) => resource.source.connector === 'iac'));
  // A scan of states alone has nothing to pair: the declared side is not grouped (0.2 s at 100k resources).
  if (fromCode.size === 0) return;
  const state = groupByAddress(declared);
  let ambiguous = 0;
  for (const [address, resources] of fromCode) {
    const matches = state.get(address);
    if (matches === undefined) continue;
    const [only] = matches;
    const [resource] = resources;
    if (matches.length > 1 || resources.length > 1 || only === undefined || resource === undefined) {
      ambiguous++;
      continue;
    }
    resource.id = only.id;
    resource.key = only.key;
    if (only.account !== undefined) resource.account = only.account;
  }
  if (ambiguous > 0)
    diagnostics.push({
      level: 'info',
      code: 'code.address-ambiguous',
      message: `${ambiguous} Terraform address${ambiguous === 1 ? ' is' : 'es are'} declared more than once (several root modules or states), so code and state are not paired there; their findings are listed under each`,
    });
}

function groupByAddress(resources: readonly Resource[]): Map<string, Resource[]> {
  const byAddress = new Map<string, Resource[]>();
  for (const resource of resources) {
    const address = resource.source.address;
    if (address === undefined) continue;
    const key = `${resource.type}\u0000${address}`;
    const list = byAddress.get(key);
    if (list) list.push(resource);
    else byAddress.set(key, [resource]);
  }
  return byAddress;
}
