import { unknown, type Value } from '../../../value.js';
import * as cfn from '../../read/cloudformation.js';
import type { SubResource } from '../../resource-type.js';

/**
 * A resource policy Terraform declares as its own resource (aws_sqs_queue_policy, aws_sns_topic_policy), which the
 * cloud keeps on its parent: folded into the parent's `policy`. Its CloudFormation type may name several parents
 * (`Queues`, `Topics`); the policy then folds into none and is judged on its own, under its own type, as the rules
 * that read `policy` list both types. Without one (ECR keeps a repository's policy in AWS::ECR::Repository itself)
 * only Terraform's sub-resource folds.
 */
export function policyFold(spec: {
  type: string;
  parentIdAttribute: string;
  /** `parents`: the property naming the parent, a list of them or one. */
  cloudFormation?: { type: string; parents: string; policy: string };
}): SubResource {
  const fold: SubResource = {
    type: spec.type,
    parentIdAttribute: spec.parentIdAttribute,
    unfold: [{ attribute: 'policy', as: 'attribute' }],
    fold(parent, child) {
      parent.policy = child.policy ?? null;
    },
  };
  if (!spec.cloudFormation) return fold;
  const { parents, policy } = spec.cloudFormation;
  return {
    ...fold,
    cloudFormation: {
      type: spec.cloudFormation.type,
      map: cfn.fromSpec({
        [spec.parentIdAttribute]: (p: Value) => onlyParent(cfn.field(p, parents)),
        policy: cfn.or(policy, null),
      }),
    },
  };
}

/**
 * The one parent a list names; a list of several (or of none) is no single parent. A property that names one parent
 * (AWS::SecretsManager::ResourcePolicy's `SecretId`) is that parent.
 */
function onlyParent(list: Value | undefined): Value {
  if (Array.isArray(list) && list.length === 1) return list[0] ?? null;
  if (typeof list === 'string') return list;
  return unknown('computed');
}
