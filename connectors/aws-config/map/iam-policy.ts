import type { Value } from '../../../src/model/value.js';
import { decodePolicyDocument, put, tagMap } from './decode.js';
import type { TypeMapping } from './types.js';

/**
 * AWS::IAM::Policy -> aws_iam_policy, keyed by ARN (Terraform's import id). Config lists every version; the
 * document is the default version's, URL-encoded. Shapes: shared/reference/cloud-apis.md §1.5 and §2.4.
 */
export const iamPolicyMapping: TypeMapping = {
  configType: 'AWS::IAM::Policy',
  terraformType: 'aws_iam_policy',
  map(item) {
    const c = item.configuration;
    const arn = (item.arn ?? c.arn) as string | undefined;
    if (!arn) return undefined;
    const versions = Array.isArray(c.policyVersionList)
      ? (c.policyVersionList as Record<string, unknown>[])
      : [];
    const current = versions.find((v) => v.isDefaultVersion === true);
    const attributes: Record<string, Value> = {};
    put(attributes, 'arn', arn);
    put(attributes, 'name', c.policyName);
    put(attributes, 'path', c.path);
    put(attributes, 'description', c.description);
    put(attributes, 'policy_id', c.policyId);
    if (current) put(attributes, 'policy', decodePolicyDocument(current.document));
    put(attributes, 'tags', item.tags ?? tagMap(c.tags));
    return { id: arn, attributes };
  },
};
