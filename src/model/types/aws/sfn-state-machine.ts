import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_sfn_state_machine, from AWS::StepFunctions::StateMachine, keyed by its ARN: the Terraform import id and the
 * state's `id` (hashicorp/terraform-provider-aws website/docs/r/sfn_state_machine.html.markdown, "Import").
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the state
 * machine's CloudFormation Properties (awslabs/aws-config-resource-schema
 * `AWS::StepFunctions::StateMachine.properties.json`: Arn, StateMachineName, StateMachineType, RoleArn,
 * LoggingConfiguration{Destinations[{CloudWatchLogsLogGroup{LogGroupArn}}], IncludeExecutionData, Level},
 * TracingConfiguration{Enabled}; the registry schema adds EncryptionConfiguration{Type, KmsKeyId,
 * KmsDataKeyReusePeriodSeconds} and Tags). One mapping of those Properties serves templates and AWS Config. The
 * definition is not compared: the Config item does not carry it, and a template may give it from S3.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('StateMachineName'),
  arn: 'Arn',
  type: 'StateMachineType',
  role_arn: 'RoleArn',
  logging_configuration: ['LoggingConfiguration', cfn.block(loggingOf)],
  tracing_configuration: [
    'TracingConfiguration',
    cfn.block((tracing) => [{ enabled: cfn.bool(cfn.field(tracing, 'Enabled')) ?? false }]),
  ],
  encryption_configuration: [
    'EncryptionConfiguration',
    cfn.block((encryption) => [
      {
        type: cfn.orNull(cfn.field(encryption, 'Type')),
        kms_key_id: cfn.orNull(cfn.field(encryption, 'KmsKeyId')),
        kms_data_key_reuse_period_seconds: cfn.orNull(
          cfn.num(cfn.field(encryption, 'KmsDataKeyReusePeriodSeconds')),
        ),
      },
    ]),
  ],
  tags: ['Tags', cfn.tags],
});

/** Terraform holds one log destination, the log group ARN, where CloudFormation lists destinations. */
function loggingOf(logging: Value): Value {
  const destinations = cfn.field(logging, 'Destinations');
  let destination: Value | undefined;
  if (isUnknown(destinations)) destination = destinations;
  else if (Array.isArray(destinations) && destinations.length > 0) {
    const group = cfn.field(destinations[0], 'CloudWatchLogsLogGroup');
    destination = isUnknown(group) ? group : cfn.field(group, 'LogGroupArn');
  }
  return [
    {
      level: cfn.field(logging, 'Level') ?? 'OFF',
      include_execution_data: cfn.bool(cfn.field(logging, 'IncludeExecutionData')) ?? false,
      log_destination: destination ?? null,
    },
  ];
}

export const sfnStateMachine = defineType({
  type: 'aws_sfn_state_machine',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    type: s.string,
    role_arn: s.string,
    logging_configuration: s.blocks({
      level: s.string,
      include_execution_data: s.boolean,
      log_destination: s.string,
    }),
    tracing_configuration: s.blocks({ enabled: s.boolean }),
    encryption_configuration: s.blocks({
      type: s.string,
      kms_key_id: s.string,
      kms_data_key_reuse_period_seconds: s.number,
    }),
    tags: s.tags,
  }),
  computed: ['arn', 'creation_date', 'status', 'revision_id', 'state_machine_version_arn'],
  // The provider's schema default, and Step Functions' for a state machine created without a type.
  defaults: { type: 'STANDARD' },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::StepFunctions::StateMachine', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::StepFunctions::StateMachine',
      // Without LoggingConfiguration nothing is logged; without TracingConfiguration X-Ray tracing is off.
      map: cfn.withTemplateDefaults(fromProperties, {
        type: 'STANDARD',
        logging_configuration: [{ level: 'OFF', include_execution_data: false, log_destination: null }],
        tracing_configuration: [{ enabled: false }],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const arn = text(item.arn) ?? text(record(configuration)?.Arn) ?? item.resourceId;
  attributes.arn = arn;
  put(attributes, 'name', text(attributes.name) ?? item.resourceName);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id: arn, attributes };
}
