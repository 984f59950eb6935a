import type { ResourceType } from '../resource-type.js';
import { acmCertificate } from './acm-certificate.js';
import { apiGatewayDomainName } from './api-gateway-domain-name.js';
import { apiGatewayRestApi } from './api-gateway-rest-api.js';
import { apigatewayv2Api } from './apigatewayv2-api.js';
import { apigatewayv2DomainName } from './apigatewayv2-domain-name.js';
import { autoscalingGroup } from './autoscaling-group.js';
import { backupPlan } from './backup-plan.js';
import { backupVault } from './backup-vault.js';
import { cloudfrontDistribution } from './cloudfront-distribution.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatchEventBus } from './cloudwatch-event-bus.js';
import { cloudwatchEventRule } from './cloudwatch-event-rule.js';
import { cloudwatchLogGroup } from './cloudwatch-log-group.js';
import { cloudwatchMetricAlarm } from './cloudwatch-metric-alarm.js';
import { dbInstance } from './db-instance.js';
import { dbParameterGroup } from './db-parameter-group.js';
import { dbSubnetGroup } from './db-subnet-group.js';
import { dynamodbTable } from './dynamodb-table.js';
import { ebsDefaultKmsKey } from './ebs-default-kms-key.js';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default.js';
import { ebsVolume } from './ebs-volume.js';
import { ecrRepository } from './ecr-repository.js';
import { ecsCluster } from './ecs-cluster.js';
import { ecsService } from './ecs-service.js';
import { ecsTaskDefinition } from './ecs-task-definition.js';
import { efsFileSystem } from './efs-file-system.js';
import { efsMountTarget } from './efs-mount-target.js';
import { eip } from './eip.js';
import { eksCluster } from './eks-cluster.js';
import { elasticacheReplicationGroup } from './elasticache-replication-group.js';
import { elasticsearchDomain } from './elasticsearch-domain.js';
import { elb } from './elb.js';
import { iamGroup } from './iam-group.js';
import { iamGroupMembership } from './iam-group-membership.js';
import { iamGroupPolicy } from './iam-group-policy.js';
import { iamGroupPolicyAttachment } from './iam-group-policy-attachment.js';
import { iamInstanceProfile } from './iam-instance-profile.js';
import { iamPolicy } from './iam-policy.js';
import { iamPolicyAttachment } from './iam-policy-attachment.js';
import { iamRole } from './iam-role.js';
import { iamRolePolicy } from './iam-role-policy.js';
import { iamRolePolicyAttachment } from './iam-role-policy-attachment.js';
import { iamUser } from './iam-user.js';
import { iamUserPolicy } from './iam-user-policy.js';
import { iamUserPolicyAttachment } from './iam-user-policy-attachment.js';
import { instance } from './instance.js';
import { internetGateway } from './internet-gateway.js';
import { kinesisStream } from './kinesis-stream.js';
import { kmsKey } from './kms-key.js';
import { lambdaFunction } from './lambda-function.js';
import { lambdaPermission } from './lambda-permission.js';
import { launchConfiguration } from './launch-configuration.js';
import { launchTemplate } from './launch-template.js';
import { lb } from './lb.js';
import { lbListener } from './lb-listener.js';
import { lbTargetGroup } from './lb-target-group.js';
import { mskCluster } from './msk-cluster.js';
import { natGateway } from './nat-gateway.js';
import { networkAcl } from './network-acl.js';
import { networkInterface } from './network-interface.js';
import { opensearchDomain } from './opensearch-domain.js';
import { rdsCluster } from './rds-cluster.js';
import { rdsClusterParameterGroup } from './rds-cluster-parameter-group.js';
import { redshiftCluster } from './redshift-cluster.js';
import { redshiftParameterGroup } from './redshift-parameter-group.js';
import { routeTable } from './route-table.js';
import { routeTableAssociation } from './route-table-association.js';
import { route53Zone } from './route53-zone.js';
import { s3Bucket } from './s3-bucket.js';
import { secretsmanagerSecret } from './secretsmanager-secret.js';
import { securityGroup } from './security-group.js';
import { sfnStateMachine } from './sfn-state-machine.js';
import { snsTopic } from './sns-topic.js';
import { sqsQueue } from './sqs-queue.js';
import { subnet } from './subnet.js';
import { AWS_TABLE_TYPES } from './table/index.js';
import { vpc } from './vpc.js';
import { wafv2WebAcl } from './wafv2-web-acl.js';

/** Every aws type module, one file each in this folder; the conformance test checks the two agree. */
export const AWS_TYPES: readonly ResourceType[] = [
  acmCertificate,
  apiGatewayDomainName,
  apiGatewayRestApi,
  apigatewayv2Api,
  apigatewayv2DomainName,
  autoscalingGroup,
  backupPlan,
  backupVault,
  cloudfrontDistribution,
  cloudtrail,
  cloudwatchEventBus,
  cloudwatchEventRule,
  cloudwatchLogGroup,
  cloudwatchMetricAlarm,
  dbInstance,
  dbParameterGroup,
  dbSubnetGroup,
  dynamodbTable,
  ebsDefaultKmsKey,
  ebsEncryptionByDefault,
  ebsVolume,
  ecrRepository,
  ecsCluster,
  ecsService,
  ecsTaskDefinition,
  efsFileSystem,
  efsMountTarget,
  eip,
  eksCluster,
  elasticacheReplicationGroup,
  elasticsearchDomain,
  elb,
  iamGroup,
  iamGroupMembership,
  iamGroupPolicy,
  iamGroupPolicyAttachment,
  iamInstanceProfile,
  iamPolicy,
  iamPolicyAttachment,
  iamRole,
  iamRolePolicy,
  iamRolePolicyAttachment,
  iamUser,
  iamUserPolicy,
  iamUserPolicyAttachment,
  instance,
  internetGateway,
  kinesisStream,
  kmsKey,
  lambdaFunction,
  lambdaPermission,
  launchConfiguration,
  launchTemplate,
  lb,
  lbListener,
  lbTargetGroup,
  mskCluster,
  natGateway,
  networkAcl,
  networkInterface,
  opensearchDomain,
  rdsCluster,
  rdsClusterParameterGroup,
  redshiftCluster,
  redshiftParameterGroup,
  route53Zone,
  routeTable,
  routeTableAssociation,
  s3Bucket,
  secretsmanagerSecret,
  securityGroup,
  sfnStateMachine,
  snsTopic,
  sqsQueue,
  subnet,
  vpc,
  wafv2WebAcl,
  ...AWS_TABLE_TYPES,
];
