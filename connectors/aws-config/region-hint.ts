/**
 * What the AWS SDK throws when it finds no region: AWS_REGION, then the `region` of the profile in the shared
 * config and credentials files, then the EC2 instance metadata (@smithy/core's NODE_REGION_CONFIG_OPTIONS). The
 * last means a missing region cannot be known before the first call, so the hint is given on its error.
 */
export const MISSING_REGION = 'Region is missing';

export const NO_REGION_HINT =
  'no AWS region: name one in the source (--live aws-config:regions=eu-west-1), set AWS_REGION, or set a region in the AWS profile (~/.aws/config); an aggregator is read in the region AWS_REGION or the profile names';
