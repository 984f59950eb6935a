import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { CodeResource } from './types.js';

export const CONNECTOR_ID = 'iac';

/**
 * `file` is the code's file as the scan's working directory sees it, for a repository on this machine.
 *
 * Code does not know the cloud ids its resources will get (a policy ARN exists only after apply), so a resource
 * from code is keyed by its address and is of origin `code`: the policies check it, drift does not pair it.
 */
export function toResource(code: CodeResource, file?: string): Resource<'code'> {
  const provider = providerOfType(code.type);
  return {
    provider,
    type: code.type,
    id: code.address,
    key: resourceKey(code.type, code.address, provider),
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
