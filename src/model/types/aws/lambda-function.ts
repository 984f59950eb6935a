import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_lambda_function, keyed by function name (Terraform's import id).
 *
 * AWS Config (AWS::Lambda::Function): awslabs/aws-config-resource-schema `AWS::Lambda::Function.properties.json`:
 * configuration.functionName, runtime, handler, role, memorySize, timeout, kmskeyArn (the SDK's KMSKeyArn with the
 * acronym lower-cased), layers[{arn}], vpcConfig{subnetIds, securityGroupIds}, tracingConfig{mode}.
 *
 * `environment` is never read from Config: its variables are secrets in plain text, and a drift tool must not
 * carry them.
 *
 * CloudFormation: AWS::Lambda::Function (FunctionName, Runtime, Handler, Role, MemorySize, Timeout, KmsKeyArn,
 * Layers, VpcConfig{SubnetIds, SecurityGroupIds}, TracingConfig{Mode}, Environment{Variables}, Tags), with Lambda's
 * values for what a template leaves out: 128 MB, 3 seconds, outside a VPC, no KMS key (environment variables encrypted with the
 * AWS-managed aws/lambda key). Environment variables are read from templates, and masked on ingestion like the
 * state's, so that the rules can tell whether a function has any.
 */
const fromProperties = cfn.fromSpec({
  function_name: cfn.name('FunctionName'),
  arn: 'Arn',
  runtime: 'Runtime',
  handler: 'Handler',
  role: 'Role',
  memory_size: ['MemorySize', cfn.num],
  timeout: ['Timeout', cfn.num],
  kms_key_arn: cfn.or('KmsKeyArn', null),
  layers: 'Layers',
  vpc_config: [
    'VpcConfig',
    cfn.block((vpc) => [
      {
        subnet_ids: cfn.field(vpc, 'SubnetIds') ?? [],
        security_group_ids: cfn.field(vpc, 'SecurityGroupIds') ?? [],
      },
    ]),
  ],
  tracing_config: [
    'TracingConfig',
    cfn.block((tracing) => [{ mode: cfn.field(tracing, 'Mode') ?? 'PassThrough' }]),
  ],
  environment: [
    'Environment',
    cfn.block((environment) => [{ variables: cfn.orNull(cfn.field(environment, 'Variables')) }]),
  ],
  tags: ['Tags', cfn.tags],
});
export const lambdaFunction = defineType({
  type: 'aws_lambda_function',
  provider: 'aws',
  schema: s.attributes({
    function_name: s.string,
    arn: s.string,
    runtime: s.string,
    handler: s.string,
    role: s.string,
    memory_size: s.number,
    timeout: s.number,
    kms_key_arn: s.string,
    layers: s.strings,
    vpc_config: s.blocks({ subnet_ids: s.strings, security_group_ids: s.strings, vpc_id: s.string }),
    tracing_config: s.blocks({ mode: s.string }),
    environment: s.blocks({ variables: s.tags }),
    tags: s.tags,
  }),
  sets: ['vpc_config[*].security_group_ids', 'vpc_config[*].subnet_ids', 'layers'],
  computed: ['arn', 'invoke_arn', 'qualified_arn', 'version', 'last_modified', 'source_code_size'],
  // environment[0].variables is a settings map: its values are masked on ingestion, its names are kept.
  // The provider's aws_lambda_function documentation: memory_size "Defaults to `128`", timeout "Defaults to `3`".
  defaults: { memory_size: 128, timeout: 3 },
  id: { attribute: 'function_name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Lambda::Function', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Lambda::Function',
      map: cfn.withTemplateDefaults(fromProperties, { memory_size: 128, timeout: 3, vpc_config: null }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = typeof c.functionName === 'string' ? c.functionName : (item.resourceName ?? item.resourceId);
  const attributes: Attributes = { function_name: name };
  put(attributes, 'arn', c.functionArn ?? item.arn);
  put(attributes, 'runtime', c.runtime);
  put(attributes, 'handler', c.handler);
  put(attributes, 'role', c.role);
  put(attributes, 'memory_size', c.memorySize);
  put(attributes, 'timeout', c.timeout);
  put(attributes, 'kms_key_arn', c.kmskeyArn ?? c.kMSKeyArn ?? c.kmsKeyArn);
  put(attributes, 'layers', layerArns(c.layers));
  put(attributes, 'vpc_config', vpcConfig(c.vpcConfig));
  put(attributes, 'tracing_config', tracingConfig(c.tracingConfig));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: name, attributes };
}

function layerArns(layers: unknown): string[] | undefined {
  if (!Array.isArray(layers)) return undefined;
  return layers.flatMap((layer) => {
    const arn = record(layer)?.arn;
    return typeof arn === 'string' ? [arn] : [];
  });
}

// The provider writes no vpc_config block for a function outside a VPC, which Config reports as empty lists.
function vpcConfig(raw: unknown): Value[] | undefined {
  if (raw === null) return [];
  const config = record(raw);
  if (!config) return undefined;
  const subnetIds = strings(config.subnetIds);
  const securityGroupIds = strings(config.securityGroupIds);
  if (subnetIds.length === 0 && securityGroupIds.length === 0) return [];
  return [{ subnet_ids: subnetIds, security_group_ids: securityGroupIds }];
}

function tracingConfig(raw: unknown): Value[] | undefined {
  const mode = record(raw)?.mode;
  return typeof mode === 'string' ? [{ mode }] : undefined;
}

function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((v) => typeof v === 'string') : [];
}
