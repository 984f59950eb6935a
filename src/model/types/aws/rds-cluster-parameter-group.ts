import { defineType } from '../resource-type.js';
import { cfnRdsParameterGroup, PARAMETER_GROUP, parameterValues } from './shared/parameters.js';

/**
 * aws_rds_cluster_parameter_group, keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/rds_cluster_parameter_group.html.markdown, "Import"). The
 * parameters of an Aurora cluster, or of a Multi-AZ DB cluster, as `{name, value, apply_method}` blocks; every other
 * parameter takes the engine default of the group's `family`.
 *
 * CloudFormation: AWS::RDS::DBClusterParameterGroup (DBClusterParameterGroupName, stored in lower case,
 * Description, Family, Parameters as a JSON object of name to value, Tags); it has no apply
 * method, which the canonical blocks leave out (`parameterValues`).
 *
 * AWS Config does not record DB cluster parameter groups (not in botocore's Config ResourceType enum).
 */
export const rdsClusterParameterGroup = defineType({
  type: 'aws_rds_cluster_parameter_group',
  provider: 'aws',
  ...PARAMETER_GROUP,
  canonicalise: parameterValues,
  sources: {
    cloudFormation: {
      type: 'AWS::RDS::DBClusterParameterGroup',
      map: cfnRdsParameterGroup('DBClusterParameterGroupName'),
    },
  },
});
