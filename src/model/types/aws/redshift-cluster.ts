import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { bool, fieldOfEach, num, str } from './shared/config-fields.js';

/**
 * aws_redshift_cluster, keyed by its cluster identifier: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/redshift_cluster.html.markdown, "Import").
 *
 * AWS Config (AWS::Redshift::Cluster): awslabs/aws-config-resource-schema `AWS::Redshift::Cluster.properties.json`:
 * DescribeClusters' Cluster in camelCase (clusterIdentifier, nodeType, numberOfNodes, dBName, masterUsername,
 * encrypted, kmsKeyId, publiclyAccessible, enhancedVpcRouting, vpcSecurityGroups[{vpcSecurityGroupId}],
 * clusterSubnetGroupName, clusterParameterGroups[{parameterGroupName}], iamRoles[{iamRoleArn}], endpoint{port}).
 *
 * CloudFormation: AWS::Redshift::Cluster (ClusterIdentifier, which Redshift stores in lower case). The master
 * password (MasterUserPassword, Terraform's sensitive `master_password`) is never read. No defaults are given for
 * what a template leaves out of encryption and public access: Redshift changed both for new clusters in 2025, and
 * the aws provider changed its own defaults in 6.0, so a template's omission does not say which it gets.
 */
export const redshiftCluster = defineType({
  type: 'aws_redshift_cluster',
  provider: 'aws',
  schema: s.attributes({
    cluster_identifier: s.string,
    arn: s.string,
    node_type: s.string,
    number_of_nodes: s.number,
    database_name: s.string,
    master_username: s.string,
    encrypted: s.boolean,
    kms_key_id: s.string,
    publicly_accessible: s.boolean,
    enhanced_vpc_routing: s.boolean,
    vpc_security_group_ids: s.strings,
    cluster_subnet_group_name: s.string,
    cluster_parameter_group_name: s.string,
    automated_snapshot_retention_period: s.number,
    iam_roles: s.strings,
    port: s.number,
    allow_version_upgrade: s.boolean,
    cluster_version: s.string,
    tags: s.tags,
  }),
  sets: ['vpc_security_group_ids', 'iam_roles'],
  computed: ['arn', 'endpoint', 'dns_name', 'cluster_namespace_arn'],
  sensitive: ['master_password'],
  id: { attribute: 'cluster_identifier', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Redshift::Cluster', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Redshift::Cluster',
      map: cfn.fromSpec({
        cluster_identifier: cfn.name('ClusterIdentifier', cfn.lowerCase),
        node_type: 'NodeType',
        number_of_nodes: ['NumberOfNodes', cfn.num],
        database_name: 'DBName',
        master_username: 'MasterUsername',
        encrypted: ['Encrypted', cfn.bool],
        kms_key_id: 'KmsKeyId',
        publicly_accessible: ['PubliclyAccessible', cfn.bool],
        enhanced_vpc_routing: ['EnhancedVpcRouting', cfn.bool],
        vpc_security_group_ids: 'VpcSecurityGroupIds',
        cluster_subnet_group_name: 'ClusterSubnetGroupName',
        cluster_parameter_group_name: 'ClusterParameterGroupName',
        automated_snapshot_retention_period: ['AutomatedSnapshotRetentionPeriod', cfn.num],
        iam_roles: 'IamRoles',
        port: ['Port', cfn.num],
        allow_version_upgrade: ['AllowVersionUpgrade', cfn.bool],
        cluster_version: 'ClusterVersion',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const identifier = text(c.clusterIdentifier) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { cluster_identifier: identifier };
  put(attributes, 'arn', item.arn);
  put(attributes, 'node_type', str(c.nodeType));
  put(attributes, 'number_of_nodes', num(c.numberOfNodes));
  put(attributes, 'database_name', str(c.dBName));
  put(attributes, 'master_username', str(c.masterUsername));
  put(attributes, 'encrypted', bool(c.encrypted));
  // DescribeClusters leaves KmsKeyId out of a cluster it does not encrypt with a KMS key.
  put(attributes, 'kms_key_id', str(c.kmsKeyId) ?? null);
  put(attributes, 'publicly_accessible', bool(c.publiclyAccessible));
  put(attributes, 'enhanced_vpc_routing', bool(c.enhancedVpcRouting));
  put(attributes, 'vpc_security_group_ids', fieldOfEach(c.vpcSecurityGroups, 'vpcSecurityGroupId'));
  put(attributes, 'cluster_subnet_group_name', str(c.clusterSubnetGroupName));
  put(attributes, 'cluster_parameter_group_name', parameterGroup(c.clusterParameterGroups));
  put(attributes, 'automated_snapshot_retention_period', num(c.automatedSnapshotRetentionPeriod));
  put(attributes, 'iam_roles', fieldOfEach(c.iamRoles, 'iamRoleArn'));
  put(attributes, 'port', num(record(c.endpoint)?.port));
  put(attributes, 'allow_version_upgrade', bool(c.allowVersionUpgrade));
  put(attributes, 'cluster_version', str(c.clusterVersion));
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  return { id: identifier, attributes };
}

/** A cluster has one parameter group; the provider reads the first of the list. */
function parameterGroup(groups: unknown) {
  const names = fieldOfEach(groups, 'parameterGroupName');
  return Array.isArray(names) ? (names[0] ?? null) : names;
}
