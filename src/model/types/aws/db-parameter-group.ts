import { defineType } from '../resource-type.js';
import { cfnRdsParameterGroup, PARAMETER_GROUP, parameterValues } from './shared/parameters.js';

/**
 * aws_db_parameter_group, keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/db_parameter_group.html.markdown, "Import"). `parameter` is a
 * set of `{name, value, apply_method}` blocks holding only the parameters the configuration sets; every other
 * parameter takes the engine default of the group's `family`.
 *
 * CloudFormation: AWS::RDS::DBParameterGroup (DBParameterGroupName, which RDS stores in lower case, Description,
 * Family, Parameters as a JSON object of name to value, Tags). A template has no apply method, and the canonical
 * blocks leave it out (`parameterValues`).
 *
 * AWS Config does not record DB parameter groups (no AWS::RDS::DBParameterGroup in botocore's Config ResourceType
 * enum), so there is no live mapping.
 */
export const dbParameterGroup = defineType({
  type: 'aws_db_parameter_group',
  provider: 'aws',
  ...PARAMETER_GROUP,
  canonicalise: parameterValues,
  sources: {
    cloudFormation: {
      type: 'AWS::RDS::DBParameterGroup',
      map: cfnRdsParameterGroup('DBParameterGroupName'),
    },
  },
});
