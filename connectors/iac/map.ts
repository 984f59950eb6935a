import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { CodeResource } from './types.js';

export const CONNECTOR_ID = 'iac';

/**
 * The id of a resource in code: its address, under its root module's directory when that is not the top of the
 * repository (`(envs/prod).aws_s3_bucket.logs`). Terraform addresses are unique only within one root module, so two
 * roots that each declare `aws_s3_bucket.logs` are two resources; the address itself stays Terraform's
 * (`source.address`), which is what pairs code with state.
 */
export function codeId(root: string | undefined, address: string): string {
  return root === undefined ? address : `(${root}).${address}`;
}

/**
 * `file` is the code's file as the scan's working directory sees it, for a repository on this machine.
 *
 * Code does not know the cloud ids its resources will get (a policy ARN exists only after apply), so a resource
 * from code is keyed by its address and is of origin `code`: the policies check it, drift does not pair it.
 */
export function toResource(code: CodeResource, file?: string): Resource<'code'> {
  const provider = providerOfType(code.type);
  const id = codeId(code.root, code.address);
  return {
    provider,
    type: code.type,
    id,
    key: resourceKey(code.type, id, provider),
    attributes: code.attributes,
    origin: 'code',
    source: {
      connector: CONNECTOR_ID,
      location: code.file,
      line: code.line,
      address: code.address,
      ...(file === undefined ? {} : { file }),
    },
    sensitivePaths: [],
    ...(code.waivers ? { waivers: code.waivers } : {}),
  };
}
