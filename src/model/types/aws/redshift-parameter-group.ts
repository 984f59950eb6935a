import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import type { AwsConfigItem } from '../sources.js';
import { str } from './shared/config-fields.js';
import { cfnParameterList, PARAMETER_GROUP } from './shared/parameters.js';

/**
 * aws_redshift_parameter_group, keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/redshift_parameter_group.html.markdown, "Import"). `parameter`
 * is a set of `{name, value}`: the provider reads only the parameters whose source is `user`
 * (DescribeClusterParameters with Source "user"), so every other parameter takes the engine default.
 *
 * AWS Config (AWS::Redshift::ClusterParameterGroup): awslabs/aws-config-resource-schema
 * `AWS::Redshift::ClusterParameterGroup.properties.json`: configuration.parameterGroupName, parameterGroupFamily,
 * description, and supplementaryConfiguration.Parameters [{parameterName, parameterValue, source, ...}] with every
 * parameter of the group; those of source `user` are the state's.
 *
 * CloudFormation: AWS::Redshift::ClusterParameterGroup (ParameterGroupName, generated when left out, Description,
 * ParameterGroupFamily, Parameters [{ParameterName, ParameterValue}], Tags).
 */
export const redshiftParameterGroup = defineType({
  type: 'aws_redshift_parameter_group',
  provider: 'aws',
  ...PARAMETER_GROUP,
  sources: {
    awsConfig: { type: 'AWS::Redshift::ClusterParameterGroup', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Redshift::ClusterParameterGroup',
      map: cfn.fromSpec({
        name: cfn.name('ParameterGroupName'),
        family: 'ParameterGroupFamily',
        description: 'Description',
        parameter: cfn.or('Parameters', [], cfnParameterList),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = text(c.parameterGroupName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'arn', item.arn);
  put(attributes, 'family', str(c.parameterGroupFamily));
  put(attributes, 'description', str(c.description));
  put(attributes, 'parameter', userParameters(item.supplementaryConfiguration.Parameters));
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  return { id: name, attributes };
}

/** The parameters the group sets itself; a list that is not one of records leaves them unknown (absent). */
function userParameters(list: unknown): Value[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: Value[] = [];
  for (const raw of list) {
    const parameter = record(raw);
    if (!parameter || typeof parameter.parameterName !== 'string') return undefined;
    if (parameter.source !== 'user') continue;
    out.push({ name: parameter.parameterName, value: str(parameter.parameterValue) ?? null });
  }
  return out;
}
