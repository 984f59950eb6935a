import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { fieldOfEach, str } from './shared/config-fields.js';

/**
 * aws_db_subnet_group, keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/db_subnet_group.html.markdown, "Import").
 *
 * AWS Config (AWS::RDS::DBSubnetGroup): awslabs/aws-config-resource-schema `AWS::RDS::DBSubnetGroup.properties.json`:
 * DescribeDBSubnetGroups' DBSubnetGroup, camel-cased by lower-casing the first letter only (dBSubnetGroupName,
 * dBSubnetGroupDescription, dBSubnetGroupArn, vpcId, subnets[{subnetIdentifier, subnetAvailabilityZone{name}}]).
 *
 * CloudFormation: AWS::RDS::DBSubnetGroup (DBSubnetGroupName, which RDS stores in lower case,
 * DBSubnetGroupDescription, SubnetIds, Tags).
 *
 * `aws_created` marks the subnet group named `default`, which RDS creates for the default VPC and no one else can
 * (CreateDBSubnetGroup: the name "Must not be default"): the scan does not report it unmanaged unless --strict. It
 * is no Terraform attribute; only the live mapping writes it.
 */
export const dbSubnetGroup = defineType({
  type: 'aws_db_subnet_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    description: s.string,
    subnet_ids: s.strings,
    vpc_id: s.string,
    tags: s.tags,
    aws_created: s.boolean,
  }),
  sets: ['subnet_ids'],
  computed: ['arn', 'vpc_id', 'supported_network_types'],
  // The provider's schema default for a subnet group created without a description.
  defaults: { description: 'Managed by Terraform' },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::RDS::DBSubnetGroup', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::RDS::DBSubnetGroup',
      map: cfn.fromSpec({
        name: cfn.name('DBSubnetGroupName', cfn.lowerCase),
        description: 'DBSubnetGroupDescription',
        subnet_ids: 'SubnetIds',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = text(c.dBSubnetGroupName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'arn', text(c.dBSubnetGroupArn) ?? item.arn);
  put(attributes, 'description', str(c.dBSubnetGroupDescription));
  put(attributes, 'subnet_ids', fieldOfEach(c.subnets, 'subnetIdentifier'));
  put(attributes, 'vpc_id', str(c.vpcId));
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  attributes.aws_created = name === 'default';
  return { id: name, attributes };
}
