import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::Lambda::Function -> aws_lambda_function. Shape: awslabs/aws-config-resource-schema
 * `AWS::Lambda::Function.properties.json`: configuration.functionName, runtime, handler, role, memorySize,
 * timeout, kmskeyArn (the SDK's KMSKeyArn with the acronym lower-cased), layers[{arn}],
 * vpcConfig{subnetIds, securityGroupIds}, tracingConfig{mode}.
 *
 * `environment` is never read: its variables are secrets in plain text, and a drift tool must not carry them.
 */
export const lambdaFunctionMapping: TypeMapping = {
  configType: 'AWS::Lambda::Function',
  terraformType: 'aws_lambda_function',
  map: mapFunction,
};

function mapFunction(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const name = typeof c.functionName === 'string' ? c.functionName : (item.resourceName ?? item.resourceId);
  const attributes: Record<string, Value> = { function_name: name };
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
  return layers.flatMap((layer) =>
    isPlainObject(layer) && typeof layer.arn === 'string' ? [layer.arn] : [],
  );
}

// The provider writes no vpc_config block for a function outside a VPC, which Config reports as empty lists.
function vpcConfig(config: unknown): Value[] | undefined {
  if (config === null) return [];
  if (!isPlainObject(config)) return undefined;
  const subnetIds = strings(config.subnetIds);
  const securityGroupIds = strings(config.securityGroupIds);
  if (subnetIds.length === 0 && securityGroupIds.length === 0) return [];
  return [{ subnet_ids: subnetIds, security_group_ids: securityGroupIds }];
}

function tracingConfig(config: unknown): Value[] | undefined {
  if (!isPlainObject(config) || typeof config.mode !== 'string') return undefined;
  return [{ mode: config.mode }];
}

function strings(list: Value | undefined): string[] {
  return Array.isArray(list) ? list.filter((v) => typeof v === 'string') : [];
}
