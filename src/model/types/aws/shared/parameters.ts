import { isPlainObject, isUnknown, unknown, type Value } from '../../../value.js';
import * as cfn from '../../read/cloudformation.js';
import type { Attributes } from '../../resource-type.js';
import * as s from '../../schema.js';

/**
 * The `parameter` blocks of the parameter group types (aws_db_parameter_group, aws_rds_cluster_parameter_group,
 * aws_redshift_parameter_group): a set of `{name, value}` as Terraform stores them, values always strings.
 */
export const parameterBlocks = s.blocks({ name: s.string, value: s.string });

/**
 * What the three parameter group types share: keyed by the name (the Terraform import id and the state's `id`),
 * the `parameter` set, and the provider's schema default for a group created without a description.
 */
export const PARAMETER_GROUP = {
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    family: s.string,
    description: s.string,
    parameter: parameterBlocks,
    tags: s.tags,
  }),
  sets: ['parameter'],
  computed: ['arn'],
  defaults: { description: 'Managed by Terraform' },
  id: { attribute: 'name', caseInsensitive: false },
} as const;

/**
 * An RDS parameter group's CloudFormation mapping (AWS::RDS::DBParameterGroup, AWS::RDS::DBClusterParameterGroup):
 * the name, which RDS stores in lower case, Description, Family, Parameters as a JSON object of name to value, Tags.
 */
export function cfnRdsParameterGroup(nameProperty: string): (properties: Value) => Attributes {
  return cfn.fromSpec({
    name: cfn.name(nameProperty, cfn.lowerCase),
    family: 'Family',
    description: 'Description',
    parameter: cfn.or('Parameters', [], cfnParameterMap),
    tags: ['Tags', cfn.tags],
  });
}

/**
 * For an RDS group's `canonicalise`: each block's `apply_method` says when RDS applies a change, not what the group
 * holds, and neither a template nor a live source carries it, so the canonical block is its name and value.
 */
export function parameterValues(attributes: Attributes): void {
  const blocks = attributes.parameter;
  if (!Array.isArray(blocks)) return;
  for (const block of blocks) if (isPlainObject(block) && !isUnknown(block)) delete block.apply_method;
}

/**
 * RDS `Parameters` (AWS::RDS::DBParameterGroup, AWS::RDS::DBClusterParameterGroup): a JSON object of name to
 * value. A YAML number or boolean (`rds.force_ssl: 1`) is the string RDS stores.
 */
export const cfnParameterMap: cfn.Convert = (map) => {
  if (map === undefined || isUnknown(map)) return map;
  if (!isPlainObject(map)) return unknown('expression');
  return Object.entries(map).map(([name, value]) => ({ name, value: cfn.text(value) ?? null }));
};

/** Redshift `Parameters` (AWS::Redshift::ClusterParameterGroup): a list of `{ParameterName, ParameterValue}`. */
export const cfnParameterList: cfn.Convert = (list) =>
  cfn.eachOf(list, (item) => ({
    name: cfn.orNull(cfn.field(item, 'ParameterName')),
    value: cfn.orNull(cfn.text(cfn.field(item, 'ParameterValue'))),
  }));
