import { type AwsTableRow, awsTableType } from '../../generic.js';
import type { ResourceType } from '../../resource-type.js';

/*
 * Left out, one line of reason each (a wrong id field reads every declared resource as missing):
 * - composite import ids Config does not carry as one field: aws_api_gateway_stage, aws_apigatewayv2_stage,
 *   aws_appconfig_environment, aws_appconfig_configuration_profile, aws_autoscaling_policy, aws_autoscaling_schedule,
 *   aws_backup_selection, aws_codedeploy_deployment_group, aws_ecs_service, aws_eks_addon, aws_eks_fargate_profile,
 *   aws_eks_node_group, aws_guardduty_filter, aws_glue_catalog_database,
 *   aws_s3_access_point, aws_s3control_multi_region_access_point, aws_s3control_storage_lens_configuration,
 *   aws_wafv2_* but aws_wafv2_web_acl (id/name/scope; the web ACL's module composes it), aws_connect_* (instance:id),
 *   aws_networkmanager_* (global network + id),
 *   aws_athena_prepared_statement, aws_schemas_schema, aws_appmesh_* (mesh/name);
 * - the state id is not the import id: aws_ecs_cluster (id is the ARN), aws_ecs_task_definition (id is the family),
 *   aws_cloudformation_stack (id is the stack ARN), aws_codedeploy_app (id is appid:name), aws_codebuild_project (name or
 *   ARN, by how it was created), aws_appflow_flow (import id changed from ARN to name across provider versions);
 * - the import id is a field Config does not carry for the type: aws_amplify_app (app id; Config keys by ARN),
 *   aws_connect_instance, aws_m2_environment, aws_transfer_server, aws_shield_protection, aws_schemas_discoverer,
 *   aws_batch_compute_environment, aws_backup_report_plan, aws_signer_signing_profile, aws_schemas_registry and
 *   aws_elastic_beanstalk_environment (Config's resourceName or resourceId for them not checked);
 * - recorded in one home region only: a row says it with `homeRegion` (the connector compares such a type in that
 *   region alone, and in AWS GovCloud (US-West) in that partition). Rows: aws_cloudfront_public_key,
 *   aws_cloudfront_realtime_log_config, aws_ecrpublic_repository, aws_route53_hosted_zone_dnssec (us-east-1),
 *   aws_globalaccelerator_accelerator (us-west-2); modules: aws_cloudfront_distribution, aws_route53_zone. Still
 *   out: aws_cloudfront_key_value_store (the state's `id` is the store's id, the import id its name), the other
 *   aws_cloudfront_* and aws_globalaccelerator_* (import id or Config id not checked), aws_waf_* (WAF Classic: Config
 *   records the WAF API's shape, configuration.webACLId, and which item field holds the id was not checked),
 *   aws_route53recoverycontrolconfig_*, aws_route53recoveryreadiness_* and aws_organizations_* (home region not
 *   checked); aws_rds_global_cluster is recorded in every enabled region instead (the RecordingGroup reference), and
 *   its Config id was not checked;
 * - global IAM types onboarded after February 2022, recorded only in us-east-1: rows aws_iam_openid_connect_provider,
 *   aws_iam_saml_provider, module aws_iam_instance_profile; out: aws_iam_server_certificate (the state's `id` is the
 *   ASCA... certificate id, the import id its name);
 * - owned by the VPC modules being written: AWS::EC2::VPC, Subnet, RouteTable, InternetGateway, NatGateway, EIP,
 *   NetworkInterface, NetworkAcl;
 * - Config records the service API's own shape, not a CloudFormation registry schema, and which item field holds the
 *   import id was not established: aws_networkfirewall_firewall, aws_networkfirewall_firewall_policy,
 *   aws_networkfirewall_rule_group, aws_qldb_ledger, aws_wafregional_*, aws_servicecatalog_provisioned_product;
 * - the state's `id` is the stream ARN, Config's resourceId its name (primaryIdentifier DeliveryStreamName), and the
 *   item's arn field was not checked: aws_kinesis_firehose_delivery_stream;
 * - the registry identifier is the ARN, the import id the name: aws_sagemaker_code_repository (Ref returns the ARN),
 *   aws_sagemaker_model, aws_sagemaker_image, aws_accessanalyzer_analyzer; the state's `id` is the ARN, the import id
 *   the name: aws_ecs_capacity_provider;
 * - composite import ids: aws_datasync_location_fsx_lustre_file_system and aws_datasync_location_fsx_windows_file_system
 *   (location ARN#file system ARN), aws_transfer_agreement, aws_guardduty_ipset, aws_guardduty_threatintelset;
 * - no `id` in the state (keyed by arn or name): aws_s3tables_table_bucket, aws_redshift_integration,
 *   aws_backup_restore_testing_plan, aws_inspector2_filter, aws_resiliencehub_resiliency_policy,
 *   aws_pinpoint_email_template;
 * - no Import section in the provider docs: aws_codegurureviewer_repository_association, aws_cloud9_environment_ec2,
 *   aws_iot_ca_certificate;
 * - import id unclear: aws_customerprofiles_domain (the docs' example is a UUID, not the domain name Config keys by),
 *   aws_bedrock_inference_profile (a placeholder import section; the registry identifier is an id or an ARN);
 * - which value the registry `Id` (Ref) holds was not established: aws_workspaces_workspace (Ref "the resource name",
 *   primaryIdentifier since renamed WorkspaceId), aws_glue_ml_transform (the CloudFormation docs say transform id in
 *   one version, name in another), aws_sagemaker_workteam, aws_dms_certificate, aws_dms_endpoint,
 *   aws_appstream_fleet; aws_appstream_stack (Config's schema has configuration.Id, the registry's primaryIdentifier
 *   is the name) and aws_appstream_directory_config (the state's `id` was not checked).
 */

/**
 * AWS types compared by their AWS Config envelope (existence by id, and tags), one row each, sorted by type. A
 * row says where its import id and Config type come from; a type that needs its attributes compared gets a module
 * of its own in src/model/types/aws/ and leaves this table. Registry primary identifiers: the CloudFormation
 * registry schemas as cfn-lint 1.51 ships them; Config types: botocore config 2014-11-12 ResourceType.
 */
export const AWS_TABLE: readonly AwsTableRow[] = [
  {
    type: 'aws_acmpca_certificate_authority',
    configType: 'AWS::ACMPCA::CertificateAuthority',
    id: 'arn',
    source:
      "import by CA ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ACMPCA::CertificateAuthority: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_api_gateway_usage_plan',
    configType: 'AWS::ApiGateway::UsagePlan',
    id: 'resourceId',
    source:
      "import by usage plan id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ApiGateway::UsagePlan: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_appconfig_application',
    configType: 'AWS::AppConfig::Application',
    id: 'resourceId',
    source:
      "import by application id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppConfig::Application: resourceId is the CloudFormation registry primaryIdentifier /properties/ApplicationId",
  },
  {
    type: 'aws_appconfig_deployment_strategy',
    configType: 'AWS::AppConfig::DeploymentStrategy',
    id: 'resourceId',
    source:
      "import by deployment strategy id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppConfig::DeploymentStrategy: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_appconfig_extension',
    configType: 'AWS::AppConfig::Extension',
    id: 'resourceId',
    source:
      "import by extension id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppConfig::Extension: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_appconfig_extension_association',
    configType: 'AWS::AppConfig::ExtensionAssociation',
    id: 'resourceId',
    source:
      "import by extension association id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppConfig::ExtensionAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_appintegrations_event_integration',
    configType: 'AWS::AppIntegrations::EventIntegration',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppIntegrations::EventIntegration: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_apprunner_service',
    configType: 'AWS::AppRunner::Service',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppRunner::Service: resourceId is the CloudFormation registry primaryIdentifier /properties/ServiceArn",
  },
  {
    type: 'aws_apprunner_vpc_connector',
    configType: 'AWS::AppRunner::VpcConnector',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppRunner::VpcConnector: resourceId is the CloudFormation registry primaryIdentifier /properties/VpcConnectorArn",
  },
  {
    type: 'aws_appsync_graphql_api',
    configType: 'AWS::AppSync::GraphQLApi',
    id: 'resourceId',
    source:
      "import by GraphQL API id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AppSync::GraphQLApi: resourceId is the CloudFormation registry primaryIdentifier /properties/ApiId",
  },
  {
    type: 'aws_athena_data_catalog',
    configType: 'AWS::Athena::DataCatalog',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Athena::DataCatalog: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_athena_workgroup',
    configType: 'AWS::Athena::WorkGroup',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Athena::WorkGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_auditmanager_assessment',
    configType: 'AWS::AuditManager::Assessment',
    id: 'resourceId',
    source:
      "import by assessment id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/auditmanager_assessment.html.markdown); AWS::AuditManager::Assessment: resourceId is the CloudFormation registry primaryIdentifier /properties/AssessmentId (awslabs/aws-config-resource-schema records its configuration.AssessmentId and tags)",
  },
  {
    type: 'aws_batch_job_queue',
    configType: 'AWS::Batch::JobQueue',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Batch::JobQueue: resourceId is the CloudFormation registry primaryIdentifier /properties/JobQueueArn",
  },
  {
    type: 'aws_batch_scheduling_policy',
    configType: 'AWS::Batch::SchedulingPolicy',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Batch::SchedulingPolicy: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_bedrockagent_knowledge_base',
    configType: 'AWS::Bedrock::KnowledgeBase',
    id: 'resourceId',
    source:
      "import by knowledge base id, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/bedrockagent_knowledge_base.html.markdown); AWS::Bedrock::KnowledgeBase: resourceId is the CloudFormation registry primaryIdentifier /properties/KnowledgeBaseId",
  },
  {
    type: 'aws_cloudfront_public_key',
    configType: 'AWS::CloudFront::PublicKey',
    id: 'resourceId',
    tags: false,
    homeRegion: 'us-east-1',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CloudFront::PublicKey: resourceId is the CloudFormation registry primaryIdentifier /properties/Id; not taggable; recorded only in us-east-1 (the AWS Config developer guide's resource-config-reference: Config support for CloudFront is only in US East (N. Virginia); awsdocs/aws-config-developer-guide)",
  },
  {
    type: 'aws_cloudfront_realtime_log_config',
    configType: 'AWS::CloudFront::RealtimeLogConfig',
    id: 'arn',
    tags: false,
    homeRegion: 'us-east-1',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CloudFront::RealtimeLogConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn; not taggable; recorded only in us-east-1 (the AWS Config developer guide's resource-config-reference: Config support for CloudFront is only in US East (N. Virginia); awsdocs/aws-config-developer-guide)",
  },
  {
    type: 'aws_cloudtrail_event_data_store',
    configType: 'AWS::CloudTrail::EventDataStore',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CloudTrail::EventDataStore: resourceId is the CloudFormation registry primaryIdentifier /properties/EventDataStoreArn",
  },
  {
    type: 'aws_cloudwatch_event_api_destination',
    configType: 'AWS::Events::ApiDestination',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Events::ApiDestination: resourceId is the CloudFormation registry primaryIdentifier /properties/Name; not taggable",
  },
  {
    type: 'aws_cloudwatch_event_archive',
    configType: 'AWS::Events::Archive',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Events::Archive: resourceId is the CloudFormation registry primaryIdentifier /properties/ArchiveName; not taggable",
  },
  {
    type: 'aws_cloudwatch_event_connection',
    configType: 'AWS::Events::Connection',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Events::Connection: resourceId is the CloudFormation registry primaryIdentifier /properties/Name; not taggable",
  },
  {
    type: 'aws_cloudwatch_event_endpoint',
    configType: 'AWS::Events::Endpoint',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/cloudwatch_event_endpoint.html.markdown); AWS::Events::Endpoint: resourceId is the CloudFormation registry primaryIdentifier /properties/Name (awslabs/aws-config-resource-schema records its configuration.Name); not taggable",
  },
  {
    type: 'aws_cloudwatch_log_destination',
    configType: 'AWS::Logs::Destination',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Logs::Destination: resourceId is the CloudFormation registry primaryIdentifier /properties/DestinationName",
  },
  {
    type: 'aws_cloudwatch_metric_stream',
    configType: 'AWS::CloudWatch::MetricStream',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CloudWatch::MetricStream: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_codeartifact_domain',
    configType: 'AWS::CodeArtifact::Domain',
    id: 'arn',
    source:
      "import by domain ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CodeArtifact::Domain: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_codeartifact_repository',
    configType: 'AWS::CodeArtifact::Repository',
    id: 'arn',
    source:
      "import by repository ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CodeArtifact::Repository: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_codebuild_report_group',
    configType: 'AWS::CodeBuild::ReportGroup',
    id: 'resourceId',
    source:
      "import by report group ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/codebuild_report_group.html.markdown); AWS::CodeBuild::ReportGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the report group ARN that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-codebuild-reportgroup.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_codedeploy_deployment_config',
    configType: 'AWS::CodeDeploy::DeploymentConfig',
    id: 'resourceId',
    tags: false,
    source:
      "import by deployment_config_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CodeDeploy::DeploymentConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/DeploymentConfigName; not taggable",
  },
  {
    type: 'aws_codeguruprofiler_profiling_group',
    configType: 'AWS::CodeGuruProfiler::ProfilingGroup',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CodeGuruProfiler::ProfilingGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/ProfilingGroupName",
  },
  {
    type: 'aws_codepipeline',
    configType: 'AWS::CodePipeline::Pipeline',
    id: 'resourceName',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::CodePipeline::Pipeline: resourceName is the pipeline name",
  },
  {
    type: 'aws_cognito_identity_pool',
    configType: 'AWS::Cognito::IdentityPool',
    id: 'resourceId',
    source:
      "import by identity pool id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Cognito::IdentityPool: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_cognito_user_pool',
    configType: 'AWS::Cognito::UserPool',
    id: 'resourceId',
    source:
      "import by user pool id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Cognito::UserPool: resourceId is the CloudFormation registry primaryIdentifier /properties/UserPoolId",
  },
  {
    type: 'aws_config_conformance_pack',
    configType: 'AWS::Config::ConformancePack',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Config::ConformancePack: resourceId is the CloudFormation registry primaryIdentifier /properties/ConformancePackName; not taggable",
  },
  {
    type: 'aws_customer_gateway',
    configType: 'AWS::EC2::CustomerGateway',
    id: 'resourceId',
    source:
      "import by id (cgw-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::CustomerGateway: resourceId is the customer gateway id",
  },
  {
    type: 'aws_datasync_agent',
    configType: 'AWS::DataSync::Agent',
    id: 'resourceId',
    source:
      "import by agent ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_agent.html.markdown); AWS::DataSync::Agent: resourceId is the CloudFormation registry primaryIdentifier /properties/AgentArn",
  },
  {
    type: 'aws_datasync_location_efs',
    configType: 'AWS::DataSync::LocationEFS',
    id: 'resourceId',
    source:
      "import by location ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_location_efs.html.markdown); AWS::DataSync::LocationEFS: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn (awslabs/aws-config-resource-schema records its configuration.LocationArn and tags)",
  },
  {
    type: 'aws_datasync_location_hdfs',
    configType: 'AWS::DataSync::LocationHDFS',
    id: 'resourceId',
    source:
      "import by location ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_location_hdfs.html.markdown); AWS::DataSync::LocationHDFS: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn (awslabs/aws-config-resource-schema records its configuration.LocationArn and tags)",
  },
  {
    type: 'aws_datasync_location_nfs',
    configType: 'AWS::DataSync::LocationNFS',
    id: 'resourceId',
    source:
      "import by location ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_location_nfs.html.markdown); AWS::DataSync::LocationNFS: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn (awslabs/aws-config-resource-schema records its configuration.LocationArn and tags)",
  },
  {
    type: 'aws_datasync_location_object_storage',
    configType: 'AWS::DataSync::LocationObjectStorage',
    id: 'resourceId',
    source:
      "import by location ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_location_object_storage.html.markdown); AWS::DataSync::LocationObjectStorage: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn (awslabs/aws-config-resource-schema records its configuration.LocationArn and tags)",
  },
  {
    type: 'aws_datasync_location_s3',
    configType: 'AWS::DataSync::LocationS3',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::DataSync::LocationS3: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn",
  },
  {
    type: 'aws_datasync_location_smb',
    configType: 'AWS::DataSync::LocationSMB',
    id: 'resourceId',
    source:
      "import by location ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/datasync_location_smb.html.markdown); AWS::DataSync::LocationSMB: resourceId is the CloudFormation registry primaryIdentifier /properties/LocationArn (awslabs/aws-config-resource-schema records its configuration.LocationArn and tags)",
  },
  {
    type: 'aws_datasync_task',
    configType: 'AWS::DataSync::Task',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::DataSync::Task: resourceId is the CloudFormation registry primaryIdentifier /properties/TaskArn",
  },
  {
    type: 'aws_db_event_subscription',
    configType: 'AWS::RDS::EventSubscription',
    id: 'resourceName',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::RDS::EventSubscription: resourceName is the subscription name",
  },
  {
    type: 'aws_db_option_group',
    configType: 'AWS::RDS::OptionGroup',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::RDS::OptionGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/OptionGroupName",
  },
  {
    type: 'aws_detective_graph',
    configType: 'AWS::Detective::Graph',
    id: 'arn',
    source:
      "import by graph ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Detective::Graph: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_dms_event_subscription',
    configType: 'AWS::DMS::EventSubscription',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::DMS::EventSubscription: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the subscription name that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-dms-eventsubscription.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_dms_replication_subnet_group',
    configType: 'AWS::DMS::ReplicationSubnetGroup',
    id: 'resourceId',
    source:
      "import by replication_subnet_group_id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::DMS::ReplicationSubnetGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the subnet group name that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-dms-replicationsubnetgroup.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_ec2_capacity_reservation',
    configType: 'AWS::EC2::CapacityReservation',
    id: 'resourceId',
    source:
      "import by id (cr-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::CapacityReservation: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_ec2_carrier_gateway',
    configType: 'AWS::EC2::CarrierGateway',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::CarrierGateway: resourceId is the CloudFormation registry primaryIdentifier /properties/CarrierGatewayId",
  },
  {
    type: 'aws_ec2_client_vpn_endpoint',
    configType: 'AWS::EC2::ClientVpnEndpoint',
    id: 'resourceId',
    source:
      "import by endpoint id (cvpn-endpoint-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ec2_client_vpn_endpoint.html.markdown); AWS::EC2::ClientVpnEndpoint: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the endpoint id that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-ec2-clientvpnendpoint.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_ec2_fleet',
    configType: 'AWS::EC2::EC2Fleet',
    id: 'resourceId',
    tags: false,
    source:
      "import by fleet id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::EC2Fleet: resourceId is the CloudFormation registry primaryIdentifier /properties/FleetId; not taggable there",
  },
  {
    type: 'aws_ec2_host',
    configType: 'AWS::EC2::Host',
    id: 'resourceId',
    source:
      "import by host id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::Host: resourceId is the CloudFormation registry primaryIdentifier /properties/HostId",
  },
  {
    type: 'aws_ec2_instance_connect_endpoint',
    configType: 'AWS::EC2::InstanceConnectEndpoint',
    id: 'resourceId',
    source:
      "import by id (eice-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ec2_instance_connect_endpoint.html.markdown); AWS::EC2::InstanceConnectEndpoint: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_ec2_managed_prefix_list',
    configType: 'AWS::EC2::PrefixList',
    id: 'resourceId',
    source:
      "import by id (pl-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::PrefixList: resourceId is the CloudFormation registry primaryIdentifier /properties/PrefixListId",
  },
  {
    type: 'aws_ec2_network_insights_analysis',
    configType: 'AWS::EC2::NetworkInsightsAnalysis',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::NetworkInsightsAnalysis: resourceId is the CloudFormation registry primaryIdentifier /properties/NetworkInsightsAnalysisId",
  },
  {
    type: 'aws_ec2_network_insights_path',
    configType: 'AWS::EC2::NetworkInsightsPath',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::NetworkInsightsPath: resourceId is the CloudFormation registry primaryIdentifier /properties/NetworkInsightsPathId",
  },
  {
    type: 'aws_ec2_traffic_mirror_filter',
    configType: 'AWS::EC2::TrafficMirrorFilter',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TrafficMirrorFilter: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_ec2_traffic_mirror_session',
    configType: 'AWS::EC2::TrafficMirrorSession',
    id: 'resourceId',
    source:
      "import by id (tms-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ec2_traffic_mirror_session.html.markdown); AWS::EC2::TrafficMirrorSession: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_ec2_traffic_mirror_target',
    configType: 'AWS::EC2::TrafficMirrorTarget',
    id: 'resourceId',
    source:
      "import by id (tmt-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ec2_traffic_mirror_target.html.markdown); AWS::EC2::TrafficMirrorTarget: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_ec2_transit_gateway',
    configType: 'AWS::EC2::TransitGateway',
    id: 'resourceId',
    source:
      "import by id (tgw-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TransitGateway: resourceId is the transit gateway id",
  },
  {
    type: 'aws_ec2_transit_gateway_connect',
    configType: 'AWS::EC2::TransitGatewayConnect',
    id: 'resourceId',
    source:
      "import by attachment id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TransitGatewayConnect: resourceId is the CloudFormation registry primaryIdentifier /properties/TransitGatewayAttachmentId",
  },
  {
    type: 'aws_ec2_transit_gateway_multicast_domain',
    configType: 'AWS::EC2::TransitGatewayMulticastDomain',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TransitGatewayMulticastDomain: resourceId is the CloudFormation registry primaryIdentifier /properties/TransitGatewayMulticastDomainId",
  },
  {
    type: 'aws_ec2_transit_gateway_route_table',
    configType: 'AWS::EC2::TransitGatewayRouteTable',
    id: 'resourceId',
    source:
      "import by id (tgw-rtb-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TransitGatewayRouteTable: resourceId is the CloudFormation registry primaryIdentifier /properties/TransitGatewayRouteTableId",
  },
  {
    type: 'aws_ec2_transit_gateway_vpc_attachment',
    configType: 'AWS::EC2::TransitGatewayAttachment',
    id: 'resourceId',
    source:
      "import by attachment id (tgw-attach-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::TransitGatewayAttachment: resourceId is the attachment id",
  },
  {
    type: 'aws_ecr_pull_through_cache_rule',
    configType: 'AWS::ECR::PullThroughCacheRule',
    id: 'resourceId',
    tags: false,
    source:
      "import by ecr_repository_prefix (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ECR::PullThroughCacheRule: resourceId is the CloudFormation registry primaryIdentifier /properties/EcrRepositoryPrefix; not taggable",
  },
  {
    type: 'aws_ecr_registry_policy',
    configType: 'AWS::ECR::RegistryPolicy',
    id: 'resourceId',
    tags: false,
    source:
      "import by registry id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ECR::RegistryPolicy: resourceId is the CloudFormation registry primaryIdentifier /properties/RegistryId; not taggable",
  },
  {
    type: 'aws_ecr_replication_configuration',
    configType: 'AWS::ECR::ReplicationConfiguration',
    id: 'resourceId',
    tags: false,
    source:
      "import by registry id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ECR::ReplicationConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/RegistryId; not taggable",
  },
  {
    type: 'aws_ecr_repository_creation_template',
    configType: 'AWS::ECR::RepositoryCreationTemplate',
    id: 'resourceId',
    tags: false,
    source:
      "import by prefix (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ecr_repository_creation_template.html.markdown); AWS::ECR::RepositoryCreationTemplate: resourceId is the CloudFormation registry primaryIdentifier /properties/Prefix; not taggable itself (its resource_tags are the tags it gives new repositories)",
  },
  {
    type: 'aws_ecrpublic_repository',
    configType: 'AWS::ECR::PublicRepository',
    id: 'resourceId',
    homeRegion: 'us-east-1',
    source:
      "import by repository_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ECR::PublicRepository: resourceId is the CloudFormation registry primaryIdentifier /properties/RepositoryName (awslabs/aws-config-resource-schema AWS::ECR::PublicRepository.properties.json is the registry shape); ECR Public is regionally recorded, only in its home region (the CloudFormation RecordingGroup reference), us-east-1, where its API is (the provider's aws_ecrpublic_repository: usable only in us-east-1)",
  },
  {
    type: 'aws_efs_access_point',
    configType: 'AWS::EFS::AccessPoint',
    id: 'resourceId',
    source:
      "import by id (fsap-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EFS::AccessPoint: resourceId is the CloudFormation registry primaryIdentifier /properties/AccessPointId",
  },
  {
    type: 'aws_egress_only_internet_gateway',
    configType: 'AWS::EC2::EgressOnlyInternetGateway',
    id: 'resourceId',
    source:
      "import by id (eigw-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::EgressOnlyInternetGateway: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_elastic_beanstalk_application',
    configType: 'AWS::ElasticBeanstalk::Application',
    id: 'resourceName',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ElasticBeanstalk::Application: resourceName is the application name; Config records it without tags",
  },
  {
    type: 'aws_emr_security_configuration',
    configType: 'AWS::EMR::SecurityConfiguration',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EMR::SecurityConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/Name; not taggable",
  },
  {
    type: 'aws_emr_studio',
    configType: 'AWS::EMR::Studio',
    id: 'resourceId',
    source:
      "import by studio id (es-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/emr_studio.html.markdown); AWS::EMR::Studio: resourceId is the CloudFormation registry primaryIdentifier /properties/StudioId",
  },
  {
    type: 'aws_emrcontainers_virtual_cluster',
    configType: 'AWS::EMRContainers::VirtualCluster',
    id: 'resourceId',
    source:
      "import by cluster id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/emrcontainers_virtual_cluster.html.markdown); AWS::EMRContainers::VirtualCluster: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_emrserverless_application',
    configType: 'AWS::EMRServerless::Application',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EMRServerless::Application: resourceId is the CloudFormation registry primaryIdentifier /properties/ApplicationId",
  },
  {
    type: 'aws_evidently_project',
    configType: 'AWS::Evidently::Project',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Evidently::Project: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_evidently_segment',
    configType: 'AWS::Evidently::Segment',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Evidently::Segment: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_fis_experiment_template',
    configType: 'AWS::FIS::ExperimentTemplate',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::FIS::ExperimentTemplate: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_flow_log',
    configType: 'AWS::EC2::FlowLog',
    id: 'resourceId',
    source:
      "import by id (fl-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::FlowLog: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_gamelift_build',
    configType: 'AWS::GameLift::Build',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::GameLift::Build: resourceId is the CloudFormation registry primaryIdentifier /properties/BuildId",
  },
  {
    type: 'aws_globalaccelerator_accelerator',
    configType: 'AWS::GlobalAccelerator::Accelerator',
    id: 'arn',
    homeRegion: 'us-west-2',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::GlobalAccelerator::Accelerator: resourceId is the CloudFormation registry primaryIdentifier /properties/AcceleratorArn (awslabs/aws-config-resource-schema AWS::GlobalAccelerator::Accelerator.properties.json is the registry shape); Global Accelerator is regionally recorded, only in its home region (the CloudFormation RecordingGroup reference), us-west-2, where its API is (the Global Accelerator developer guide: specify --region us-west-2)",
  },
  {
    type: 'aws_glue_job',
    configType: 'AWS::Glue::Job',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Glue::Job: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_grafana_workspace',
    configType: 'AWS::Grafana::Workspace',
    id: 'resourceId',
    tags: false,
    source:
      "import by workspace id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Grafana::Workspace: resourceId is the CloudFormation registry primaryIdentifier /properties/Id; not taggable there",
  },
  {
    type: 'aws_guardduty_detector',
    configType: 'AWS::GuardDuty::Detector',
    id: 'resourceId',
    source:
      "import by detector id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::GuardDuty::Detector: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_guardduty_malware_protection_plan',
    configType: 'AWS::GuardDuty::MalwareProtectionPlan',
    id: 'resourceId',
    source:
      "import by plan id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/guardduty_malware_protection_plan.html.markdown); AWS::GuardDuty::MalwareProtectionPlan: resourceId is the CloudFormation registry primaryIdentifier /properties/MalwareProtectionPlanId",
  },
  {
    type: 'aws_iam_openid_connect_provider',
    configType: 'AWS::IAM::OIDCProvider',
    id: 'arn',
    homeRegion: 'us-east-1',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IAM::OIDCProvider: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn; a global IAM type onboarded after February 2022, recorded only in IAM's home region, us-east-1 (AWS Config RecordingGroup API reference; not the includeGlobalResourceTypes bundle)",
  },
  {
    type: 'aws_iam_saml_provider',
    configType: 'AWS::IAM::SAMLProvider',
    id: 'arn',
    homeRegion: 'us-east-1',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IAM::SAMLProvider: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn; a global IAM type onboarded after February 2022, recorded only in IAM's home region, us-east-1 (AWS Config RecordingGroup API reference; not the includeGlobalResourceTypes bundle)",
  },
  {
    type: 'aws_imagebuilder_container_recipe',
    configType: 'AWS::ImageBuilder::ContainerRecipe',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ImageBuilder::ContainerRecipe: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_imagebuilder_distribution_configuration',
    configType: 'AWS::ImageBuilder::DistributionConfiguration',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ImageBuilder::DistributionConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_imagebuilder_image_pipeline',
    configType: 'AWS::ImageBuilder::ImagePipeline',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ImageBuilder::ImagePipeline: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_imagebuilder_image_recipe',
    configType: 'AWS::ImageBuilder::ImageRecipe',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ImageBuilder::ImageRecipe: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_imagebuilder_infrastructure_configuration',
    configType: 'AWS::ImageBuilder::InfrastructureConfiguration',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ImageBuilder::InfrastructureConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_imagebuilder_lifecycle_policy',
    configType: 'AWS::ImageBuilder::LifecyclePolicy',
    id: 'resourceId',
    source:
      "import by ARN, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/imagebuilder_lifecycle_policy.html.markdown); AWS::ImageBuilder::LifecyclePolicy: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_iot_authorizer',
    configType: 'AWS::IoT::Authorizer',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::Authorizer: resourceId is the CloudFormation registry primaryIdentifier /properties/AuthorizerName",
  },
  {
    type: 'aws_iot_domain_configuration',
    configType: 'AWS::IoT::DomainConfiguration',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::DomainConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/DomainConfigurationName",
  },
  {
    type: 'aws_iot_policy',
    configType: 'AWS::IoT::Policy',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::Policy: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the policy name that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-iot-policy.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_iot_provisioning_template',
    configType: 'AWS::IoT::ProvisioningTemplate',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::ProvisioningTemplate: resourceId is the CloudFormation registry primaryIdentifier /properties/TemplateName",
  },
  {
    type: 'aws_iot_role_alias',
    configType: 'AWS::IoT::RoleAlias',
    id: 'resourceId',
    source:
      "import by alias (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::RoleAlias: resourceId is the CloudFormation registry primaryIdentifier /properties/RoleAlias",
  },
  {
    type: 'aws_iot_thing_group',
    configType: 'AWS::IoT::ThingGroup',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IoT::ThingGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/ThingGroupName",
  },
  {
    type: 'aws_ivs_channel',
    configType: 'AWS::IVS::Channel',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IVS::Channel: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_ivs_playback_key_pair',
    configType: 'AWS::IVS::PlaybackKeyPair',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ivs_playback_key_pair.html.markdown); AWS::IVS::PlaybackKeyPair: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn (awslabs/aws-config-resource-schema records its configuration.Arn and tags)",
  },
  {
    type: 'aws_ivs_recording_configuration',
    configType: 'AWS::IVS::RecordingConfiguration',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::IVS::RecordingConfiguration: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_kendra_index',
    configType: 'AWS::Kendra::Index',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Kendra::Index: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_keyspaces_keyspace',
    configType: 'AWS::Cassandra::Keyspace',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Cassandra::Keyspace: resourceId is the CloudFormation registry primaryIdentifier /properties/KeyspaceName",
  },
  {
    type: 'aws_kinesis_stream_consumer',
    configType: 'AWS::Kinesis::StreamConsumer',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Kinesis::StreamConsumer: resourceId is the CloudFormation registry primaryIdentifier /properties/ConsumerARN",
  },
  {
    type: 'aws_kinesis_video_stream',
    configType: 'AWS::KinesisVideo::Stream',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::KinesisVideo::Stream: the item arn is the stream ARN",
  },
  {
    type: 'aws_kinesisanalyticsv2_application',
    configType: 'AWS::KinesisAnalyticsV2::Application',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::KinesisAnalyticsV2::Application: the item arn is the application ARN",
  },
  {
    type: 'aws_kms_alias',
    configType: 'AWS::KMS::Alias',
    id: 'resourceId',
    tags: false,
    source:
      "import by alias name (alias/...) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::KMS::Alias: resourceId is the CloudFormation registry primaryIdentifier /properties/AliasName; not taggable",
  },
  {
    type: 'aws_lambda_code_signing_config',
    configType: 'AWS::Lambda::CodeSigningConfig',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Lambda::CodeSigningConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/CodeSigningConfigArn (awslabs/aws-config-resource-schema records its configuration.CodeSigningConfigArn and tags)",
  },
  {
    type: 'aws_launch_configuration',
    configType: 'AWS::AutoScaling::LaunchConfiguration',
    id: 'resourceName',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AutoScaling::LaunchConfiguration: resourceName is the launch configuration name; no tags",
  },
  {
    type: 'aws_lightsail_bucket',
    configType: 'AWS::Lightsail::Bucket',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Lightsail::Bucket: resourceId is the CloudFormation registry primaryIdentifier /properties/BucketName (awslabs/aws-config-resource-schema records its configuration.BucketName and tags)",
  },
  {
    type: 'aws_lightsail_certificate',
    configType: 'AWS::Lightsail::Certificate',
    id: 'resourceId',
    source:
      "import by certificate name, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/lightsail_certificate.html.markdown); AWS::Lightsail::Certificate: resourceId is the CloudFormation registry primaryIdentifier /properties/CertificateName (awslabs/aws-config-resource-schema records its configuration.CertificateName and tags)",
  },
  {
    type: 'aws_lightsail_disk',
    configType: 'AWS::Lightsail::Disk',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Lightsail::Disk: resourceId is the CloudFormation registry primaryIdentifier /properties/DiskName (awslabs/aws-config-resource-schema records its configuration.DiskName and tags)",
  },
  {
    type: 'aws_lightsail_static_ip',
    configType: 'AWS::Lightsail::StaticIp',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/lightsail_static_ip.html.markdown); AWS::Lightsail::StaticIp: resourceId is the CloudFormation registry primaryIdentifier /properties/StaticIpName; not taggable (no Tags in the registry schema, no tags argument in the provider)",
  },
  {
    type: 'aws_memorydb_subnet_group',
    configType: 'AWS::MemoryDB::SubnetGroup',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::MemoryDB::SubnetGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/SubnetGroupName",
  },
  {
    type: 'aws_mq_broker',
    configType: 'AWS::AmazonMQ::Broker',
    id: 'resourceId',
    source:
      "import by broker id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::AmazonMQ::Broker: resourceId is the CloudFormation registry primaryIdentifier /properties/Id, the broker id that Ref returns (awsdocs/aws-cloudformation-user-guide aws-resource-amazonmq-broker.md; awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_msk_cluster_policy',
    configType: 'AWS::MSK::ClusterPolicy',
    id: 'resourceId',
    tags: false,
    source:
      "import by cluster_arn (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::MSK::ClusterPolicy: resourceId is the CloudFormation registry primaryIdentifier /properties/ClusterArn; not taggable",
  },
  {
    type: 'aws_msk_configuration',
    configType: 'AWS::MSK::Configuration',
    id: 'arn',
    tags: false,
    source:
      "import by configuration ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::MSK::Configuration: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn; not taggable",
  },
  {
    type: 'aws_msk_scram_secret_association',
    configType: 'AWS::MSK::BatchScramSecret',
    id: 'resourceId',
    tags: false,
    source:
      "import by cluster ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::MSK::BatchScramSecret: resourceId is the CloudFormation registry primaryIdentifier /properties/ClusterArn; not taggable",
  },
  {
    type: 'aws_msk_serverless_cluster',
    configType: 'AWS::MSK::ServerlessCluster',
    id: 'arn',
    source:
      "import by cluster ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::MSK::ServerlessCluster: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_msk_vpc_connection',
    configType: 'AWS::MSK::VpcConnection',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/msk_vpc_connection.html.markdown); AWS::MSK::VpcConnection: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn (awslabs/aws-config-resource-schema records its configuration.Arn and tags)",
  },
  {
    type: 'aws_mskconnect_connector',
    configType: 'AWS::KafkaConnect::Connector',
    id: 'arn',
    source:
      "import by connector ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::KafkaConnect::Connector: resourceId is the CloudFormation registry primaryIdentifier /properties/ConnectorArn",
  },
  {
    type: 'aws_mskconnect_custom_plugin',
    configType: 'AWS::KafkaConnect::CustomPlugin',
    id: 'arn',
    source:
      "import by plugin ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::KafkaConnect::CustomPlugin: resourceId is the CloudFormation registry primaryIdentifier /properties/CustomPluginArn",
  },
  {
    type: 'aws_opensearchserverless_collection',
    configType: 'AWS::OpenSearchServerless::Collection',
    id: 'resourceId',
    source:
      "import by collection id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::OpenSearchServerless::Collection: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_opensearchserverless_vpc_endpoint',
    configType: 'AWS::OpenSearchServerless::VpcEndpoint',
    id: 'resourceId',
    tags: false,
    source:
      "import by VPC endpoint id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::OpenSearchServerless::VpcEndpoint: resourceId is the CloudFormation registry primaryIdentifier /properties/Id; not taggable",
  },
  {
    type: 'aws_pinpoint_app',
    configType: 'AWS::Pinpoint::App',
    id: 'resourceId',
    source:
      "import by application id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Pinpoint::App: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_prometheus_rule_group_namespace',
    configType: 'AWS::APS::RuleGroupsNamespace',
    id: 'arn',
    source:
      "import by ARN (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::APS::RuleGroupsNamespace: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_rds_integration',
    configType: 'AWS::RDS::Integration',
    id: 'resourceId',
    source:
      "import by ARN, which the state's (deprecated) id repeats (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/rds_integration.html.markdown); AWS::RDS::Integration: resourceId is the CloudFormation registry primaryIdentifier /properties/IntegrationArn",
  },
  {
    type: 'aws_redshift_endpoint_access',
    configType: 'AWS::Redshift::EndpointAccess',
    id: 'resourceId',
    tags: false,
    source:
      "import by endpoint_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Redshift::EndpointAccess: resourceId is the CloudFormation registry primaryIdentifier /properties/EndpointName; not taggable",
  },
  {
    type: 'aws_redshift_event_subscription',
    configType: 'AWS::Redshift::EventSubscription',
    id: 'resourceName',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Redshift::EventSubscription: resourceName is the subscription name",
  },
  {
    type: 'aws_redshift_scheduled_action',
    configType: 'AWS::Redshift::ScheduledAction',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Redshift::ScheduledAction: resourceId is the CloudFormation registry primaryIdentifier /properties/ScheduledActionName; not taggable",
  },
  {
    type: 'aws_redshift_subnet_group',
    configType: 'AWS::Redshift::ClusterSubnetGroup',
    id: 'resourceName',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Redshift::ClusterSubnetGroup: resourceName is the subnet group name",
  },
  {
    type: 'aws_resourceexplorer2_index',
    configType: 'AWS::ResourceExplorer2::Index',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/resourceexplorer2_index.html.markdown); AWS::ResourceExplorer2::Index: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn (awslabs/aws-config-resource-schema records its configuration.Arn and tags)",
  },
  {
    type: 'aws_rolesanywhere_profile',
    configType: 'AWS::RolesAnywhere::Profile',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::RolesAnywhere::Profile: resourceId is the CloudFormation registry primaryIdentifier /properties/ProfileId",
  },
  {
    type: 'aws_rolesanywhere_trust_anchor',
    configType: 'AWS::RolesAnywhere::TrustAnchor',
    id: 'resourceId',
    source:
      "import by trust anchor id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/rolesanywhere_trust_anchor.html.markdown); AWS::RolesAnywhere::TrustAnchor: resourceId is the CloudFormation registry primaryIdentifier /properties/TrustAnchorId",
  },
  {
    type: 'aws_route53_hosted_zone_dnssec',
    configType: 'AWS::Route53::DNSSEC',
    id: 'resourceId',
    tags: false,
    homeRegion: 'us-east-1',
    source:
      "import by hosted zone id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Route53::DNSSEC: resourceId is the CloudFormation registry primaryIdentifier /properties/HostedZoneId; not taggable; Route 53 is regionally recorded, only in its home region (the CloudFormation RecordingGroup reference), us-east-1, where its API is signed (AWS General Reference, Route 53 endpoints)",
  },
  {
    type: 'aws_route53_resolver_endpoint',
    configType: 'AWS::Route53Resolver::ResolverEndpoint',
    id: 'resourceId',
    source:
      "import by id (rslvr-in-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Route53Resolver::ResolverEndpoint: resourceId is the CloudFormation registry primaryIdentifier /properties/ResolverEndpointId",
  },
  {
    type: 'aws_route53_resolver_firewall_domain_list',
    configType: 'AWS::Route53Resolver::FirewallDomainList',
    id: 'resourceId',
    source:
      "import by domain list id (rslvr-fdl-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53_resolver_firewall_domain_list.html.markdown); AWS::Route53Resolver::FirewallDomainList: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_route53_resolver_firewall_rule_group',
    configType: 'AWS::Route53Resolver::FirewallRuleGroup',
    id: 'resourceId',
    source:
      "import by rule group id (rslvr-frg-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53_resolver_firewall_rule_group.html.markdown); AWS::Route53Resolver::FirewallRuleGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_route53_resolver_firewall_rule_group_association',
    configType: 'AWS::Route53Resolver::FirewallRuleGroupAssociation',
    id: 'resourceId',
    source:
      "import by association id (rslvr-frgassoc-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53_resolver_firewall_rule_group_association.html.markdown); AWS::Route53Resolver::FirewallRuleGroupAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_route53_resolver_query_log_config',
    configType: 'AWS::Route53Resolver::ResolverQueryLoggingConfig',
    id: 'resourceId',
    source:
      "import by query logging configuration id (rqlc-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53_resolver_query_log_config.html.markdown); AWS::Route53Resolver::ResolverQueryLoggingConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/Id (awslabs/aws-config-resource-schema records its configuration.Id and tags)",
  },
  {
    type: 'aws_route53_resolver_query_log_config_association',
    configType: 'AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation',
    id: 'resourceId',
    tags: false,
    source:
      "import by association id (rqlca-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53_resolver_query_log_config_association.html.markdown); AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/Id; not taggable",
  },
  {
    type: 'aws_route53_resolver_rule',
    configType: 'AWS::Route53Resolver::ResolverRule',
    id: 'resourceId',
    source:
      "import by id (rslvr-rr-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Route53Resolver::ResolverRule: resourceId is the CloudFormation registry primaryIdentifier /properties/ResolverRuleId",
  },
  {
    type: 'aws_route53_resolver_rule_association',
    configType: 'AWS::Route53Resolver::ResolverRuleAssociation',
    id: 'resourceId',
    tags: false,
    source:
      "import by id (rslvr-rrassoc-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Route53Resolver::ResolverRuleAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/ResolverRuleAssociationId; not taggable",
  },
  {
    type: 'aws_route53profiles_association',
    configType: 'AWS::Route53Profiles::ProfileAssociation',
    id: 'resourceId',
    source:
      "import by association id, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53profiles_association.html.markdown); AWS::Route53Profiles::ProfileAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_route53profiles_profile',
    configType: 'AWS::Route53Profiles::Profile',
    id: 'resourceId',
    source:
      "import by profile id (rp-), the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/route53profiles_profile.html.markdown); AWS::Route53Profiles::Profile: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_rum_app_monitor',
    configType: 'AWS::RUM::AppMonitor',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::RUM::AppMonitor: resourceId is the CloudFormation registry primaryIdentifier /properties/Name",
  },
  {
    type: 'aws_s3_directory_bucket',
    configType: 'AWS::S3Express::DirectoryBucket',
    id: 'resourceId',
    source:
      "import by bucket name, which the state's (deprecated) id repeats (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/s3_directory_bucket.html.markdown); AWS::S3Express::DirectoryBucket: resourceId is the CloudFormation registry primaryIdentifier /properties/BucketName",
  },
  {
    type: 'aws_sagemaker_app_image_config',
    configType: 'AWS::SageMaker::AppImageConfig',
    id: 'resourceId',
    source:
      "import by app_image_config_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SageMaker::AppImageConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/AppImageConfigName",
  },
  {
    type: 'aws_sagemaker_domain',
    configType: 'AWS::SageMaker::Domain',
    id: 'resourceId',
    source:
      "import by domain id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SageMaker::Domain: resourceId is the CloudFormation registry primaryIdentifier /properties/DomainId",
  },
  {
    type: 'aws_sagemaker_feature_group',
    configType: 'AWS::SageMaker::FeatureGroup',
    id: 'resourceId',
    source:
      "import by feature_group_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SageMaker::FeatureGroup: resourceId is the CloudFormation registry primaryIdentifier /properties/FeatureGroupName",
  },
  {
    type: 'aws_sagemaker_mlflow_tracking_server',
    configType: 'AWS::SageMaker::MlflowTrackingServer',
    id: 'resourceId',
    source:
      "import by tracking_server_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SageMaker::MlflowTrackingServer: resourceId is the CloudFormation registry primaryIdentifier /properties/TrackingServerName",
  },
  {
    type: 'aws_sagemaker_studio_lifecycle_config',
    configType: 'AWS::SageMaker::StudioLifecycleConfig',
    id: 'resourceId',
    source:
      "import by studio_lifecycle_config_name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SageMaker::StudioLifecycleConfig: resourceId is the CloudFormation registry primaryIdentifier /properties/StudioLifecycleConfigName",
  },
  {
    type: 'aws_securityhub_standards_subscription',
    configType: 'AWS::SecurityHub::Standard',
    id: 'resourceId',
    tags: false,
    source:
      "import by standards subscription ARN, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/securityhub_standards_subscription.html.markdown); AWS::SecurityHub::Standard: resourceId is the CloudFormation registry primaryIdentifier /properties/StandardsSubscriptionArn; not taggable",
  },
  {
    type: 'aws_service_discovery_http_namespace',
    configType: 'AWS::ServiceDiscovery::HttpNamespace',
    id: 'resourceId',
    source:
      "import by namespace id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ServiceDiscovery::HttpNamespace: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_service_discovery_public_dns_namespace',
    configType: 'AWS::ServiceDiscovery::PublicDnsNamespace',
    id: 'resourceId',
    source:
      "import by namespace id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ServiceDiscovery::PublicDnsNamespace: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_service_discovery_service',
    configType: 'AWS::ServiceDiscovery::Service',
    id: 'resourceId',
    source:
      "import by service id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ServiceDiscovery::Service: resourceId is the CloudFormation registry primaryIdentifier /properties/Id",
  },
  {
    type: 'aws_servicecatalog_portfolio',
    configType: 'AWS::ServiceCatalog::Portfolio',
    id: 'resourceId',
    source:
      "import by portfolio id (port-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ServiceCatalog::Portfolio: resourceId is the portfolio id",
  },
  {
    type: 'aws_servicecatalog_product',
    configType: 'AWS::ServiceCatalog::CloudFormationProduct',
    id: 'resourceId',
    source:
      "import by product id (prod-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::ServiceCatalog::CloudFormationProduct: resourceId is the product id",
  },
  {
    type: 'aws_ses_configuration_set',
    configType: 'AWS::SES::ConfigurationSet',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SES::ConfigurationSet: resourceId is the CloudFormation registry primaryIdentifier /properties/Name; the SES v1 resource has no tags",
  },
  {
    type: 'aws_sesv2_contact_list',
    configType: 'AWS::SES::ContactList',
    id: 'resourceId',
    source:
      "import by contact list name, the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/sesv2_contact_list.html.markdown); AWS::SES::ContactList: resourceId is the CloudFormation registry primaryIdentifier /properties/ContactListName (awslabs/aws-config-resource-schema records its configuration.ContactListName and tags)",
  },
  {
    type: 'aws_sesv2_dedicated_ip_pool',
    configType: 'AWS::SES::DedicatedIpPool',
    id: 'resourceId',
    source:
      "import by pool name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SES::DedicatedIpPool: resourceId is the CloudFormation registry primaryIdentifier /properties/PoolName",
  },
  {
    type: 'aws_sfn_activity',
    configType: 'AWS::StepFunctions::Activity',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/sfn_activity.html.markdown); AWS::StepFunctions::Activity: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn (awslabs/aws-config-resource-schema records its configuration.Arn and tags)",
  },
  {
    type: 'aws_spot_fleet_request',
    configType: 'AWS::EC2::SpotFleet',
    id: 'resourceId',
    tags: false,
    source:
      "import by id (sfr-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::SpotFleet: resourceId is the CloudFormation registry primaryIdentifier /properties/Id; not taggable there",
  },
  {
    type: 'aws_ssm_document',
    configType: 'AWS::SSM::Document',
    id: 'resourceId',
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SSM::Document: resourceId is the CloudFormation registry primaryIdentifier /properties/Name (awslabs/aws-config-resource-schema records its configuration.Name and tags)",
  },
  {
    type: 'aws_ssm_resource_data_sync',
    configType: 'AWS::SSM::ResourceDataSync',
    id: 'resourceId',
    tags: false,
    source:
      "import by name (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::SSM::ResourceDataSync: resourceId is the CloudFormation registry primaryIdentifier /properties/SyncName; not taggable",
  },
  {
    type: 'aws_ssmcontacts_contact',
    configType: 'AWS::SSMContacts::Contact',
    id: 'resourceId',
    source:
      "import by ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ssmcontacts_contact.html.markdown); AWS::SSMContacts::Contact: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_ssmincidents_response_plan',
    configType: 'AWS::SSMIncidents::ResponsePlan',
    id: 'resourceId',
    source:
      "import by response plan ARN (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/ssmincidents_response_plan.html.markdown); AWS::SSMIncidents::ResponsePlan: resourceId is the CloudFormation registry primaryIdentifier /properties/Arn",
  },
  {
    type: 'aws_transfer_certificate',
    configType: 'AWS::Transfer::Certificate',
    id: 'resourceId',
    source:
      "import by certificate id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/transfer_certificate.html.markdown); AWS::Transfer::Certificate: resourceId is the CloudFormation registry primaryIdentifier /properties/CertificateId (awslabs/aws-config-resource-schema records its configuration.CertificateId and tags)",
  },
  {
    type: 'aws_transfer_connector',
    configType: 'AWS::Transfer::Connector',
    id: 'resourceId',
    source:
      "import by connector id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/transfer_connector.html.markdown); AWS::Transfer::Connector: resourceId is the CloudFormation registry primaryIdentifier /properties/ConnectorId (awslabs/aws-config-resource-schema records its configuration.ConnectorId and tags)",
  },
  {
    type: 'aws_transfer_profile',
    configType: 'AWS::Transfer::Profile',
    id: 'resourceId',
    source:
      "import by profile id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/transfer_profile.html.markdown); AWS::Transfer::Profile: resourceId is the CloudFormation registry primaryIdentifier /properties/ProfileId (awslabs/aws-config-resource-schema records its configuration.ProfileId and tags)",
  },
  {
    type: 'aws_transfer_workflow',
    configType: 'AWS::Transfer::Workflow',
    id: 'resourceId',
    source:
      "import by workflow id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::Transfer::Workflow: resourceId is the CloudFormation registry primaryIdentifier /properties/WorkflowId (awslabs/aws-config-resource-schema records its configuration.WorkflowId and tags)",
  },
  {
    type: 'aws_verifiedaccess_instance',
    configType: 'AWS::EC2::VerifiedAccessInstance',
    id: 'resourceId',
    source:
      "import by instance id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VerifiedAccessInstance: resourceId is the CloudFormation registry primaryIdentifier /properties/VerifiedAccessInstanceId",
  },
  {
    type: 'aws_vpc_block_public_access_exclusion',
    configType: 'AWS::EC2::VPCBlockPublicAccessExclusion',
    id: 'resourceId',
    source:
      "import by exclusion id (vpcbpa-exclude-), the state's id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/vpc_block_public_access_exclusion.html.markdown); AWS::EC2::VPCBlockPublicAccessExclusion: resourceId is the CloudFormation registry primaryIdentifier /properties/ExclusionId",
  },
  {
    type: 'aws_vpc_dhcp_options',
    configType: 'AWS::EC2::DHCPOptions',
    id: 'resourceId',
    source:
      "import by id (dopt-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::DHCPOptions: resourceId is the DHCP options id",
  },
  {
    type: 'aws_vpc_endpoint',
    configType: 'AWS::EC2::VPCEndpoint',
    id: 'resourceId',
    source:
      "import by id (vpce-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPCEndpoint: resourceId is the VPC endpoint id",
  },
  {
    type: 'aws_vpc_endpoint_connection_notification',
    configType: 'AWS::EC2::VPCEndpointConnectionNotification',
    id: 'resourceId',
    tags: false,
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPCEndpointConnectionNotification: resourceId is the CloudFormation registry primaryIdentifier /properties/VPCEndpointConnectionNotificationId; not taggable",
  },
  {
    type: 'aws_vpc_endpoint_service',
    configType: 'AWS::EC2::VPCEndpointService',
    id: 'resourceId',
    source:
      "import by id (vpce-svc-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPCEndpointService: resourceId is the CloudFormation registry primaryIdentifier /properties/ServiceId",
  },
  {
    type: 'aws_vpc_ipam',
    configType: 'AWS::EC2::IPAM',
    id: 'resourceId',
    source:
      "import by id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::IPAM: resourceId is the CloudFormation registry primaryIdentifier /properties/IpamId",
  },
  {
    type: 'aws_vpc_ipam_pool',
    configType: 'AWS::EC2::IPAMPool',
    id: 'resourceId',
    source:
      "import by pool id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::IPAMPool: resourceId is the CloudFormation registry primaryIdentifier /properties/IpamPoolId",
  },
  {
    type: 'aws_vpc_ipam_resource_discovery',
    configType: 'AWS::EC2::IPAMResourceDiscovery',
    id: 'resourceId',
    source:
      "import by resource discovery id (ipam-res-disco-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/vpc_ipam_resource_discovery.html.markdown); AWS::EC2::IPAMResourceDiscovery: resourceId is the CloudFormation registry primaryIdentifier /properties/IpamResourceDiscoveryId",
  },
  {
    type: 'aws_vpc_ipam_resource_discovery_association',
    configType: 'AWS::EC2::IPAMResourceDiscoveryAssociation',
    id: 'resourceId',
    source:
      "import by association id (ipam-res-disco-assoc-) (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/vpc_ipam_resource_discovery_association.html.markdown); AWS::EC2::IPAMResourceDiscoveryAssociation: resourceId is the CloudFormation registry primaryIdentifier /properties/IpamResourceDiscoveryAssociationId",
  },
  {
    type: 'aws_vpc_ipam_scope',
    configType: 'AWS::EC2::IPAMScope',
    id: 'resourceId',
    source:
      "import by scope id (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::IPAMScope: resourceId is the CloudFormation registry primaryIdentifier /properties/IpamScopeId",
  },
  {
    type: 'aws_vpc_peering_connection',
    configType: 'AWS::EC2::VPCPeeringConnection',
    id: 'resourceId',
    source:
      "import by id (pcx-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPCPeeringConnection: resourceId is the peering connection id",
  },
  {
    type: 'aws_vpn_connection',
    configType: 'AWS::EC2::VPNConnection',
    id: 'resourceId',
    source:
      "import by id (vpn-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPNConnection: resourceId is the VPN connection id",
  },
  {
    type: 'aws_vpn_gateway',
    configType: 'AWS::EC2::VPNGateway',
    id: 'resourceId',
    source:
      "import by id (vgw-) (aws provider docs' Import section (as quoted in upbound/provider-aws config/externalname.go)); AWS::EC2::VPNGateway: resourceId is the VPN gateway id",
  },
  {
    type: 'aws_workspaces_connection_alias',
    configType: 'AWS::WorkSpaces::ConnectionAlias',
    id: 'resourceId',
    source:
      "import by connection alias id (aws provider docs' Import section, hashicorp/terraform-provider-aws website/docs/r/workspaces_connection_alias.html.markdown); AWS::WorkSpaces::ConnectionAlias: resourceId is the CloudFormation registry primaryIdentifier /properties/AliasId (awslabs/aws-config-resource-schema records its configuration.AliasId and tags)",
  },
];

export const AWS_TABLE_TYPES: readonly ResourceType[] = AWS_TABLE.map(awsTableType);
