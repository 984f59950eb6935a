import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { policyFold } from './shared/policy-fold.js';

/**
 * aws_ecr_repository, from AWS::ECR::Repository.
 *
 * AWS Config records this type through the CloudFormation registry, so an item's `configuration` is the resource's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::ECR::Repository.properties.json`:
 * `RepositoryName`, `Arn`, `ImageTagMutability`, `ImageScanningConfiguration.ScanOnPush`; the registry schema
 * aws-cloudformation/aws-cloudformation-resource-providers-ecr adds `EncryptionConfiguration{EncryptionType,
 * KmsKey}` and `Tags`). One mapping of those Properties serves templates and AWS Config; a template also gets
 * ECR's values for what it leaves out (MUTABLE, no scan on push, AES256), which a live item always states.
 * Terraform: hashicorp/terraform-provider-aws `aws_ecr_repository` (import id: the repository name). The repository
 * policy is its own resource there, aws_ecr_repository_policy (`repository`, `policy`), folded into the repository's
 * `policy`; CloudFormation and the registry shape Config records hold it as `RepositoryPolicyText`.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('RepositoryName'),
  arn: 'Arn',
  image_tag_mutability: 'ImageTagMutability',
  image_scanning_configuration: [
    'ImageScanningConfiguration',
    cfn.block((configuration) => [
      { scan_on_push: cfn.bool(cfn.field(configuration, 'ScanOnPush')) ?? false },
    ]),
  ],
  encryption_configuration: [
    'EncryptionConfiguration',
    cfn.block((configuration) => [
      {
        encryption_type: cfn.field(configuration, 'EncryptionType') ?? 'AES256',
        kms_key: cfn.orNull(cfn.field(configuration, 'KmsKey')),
      },
    ]),
  ],
  policy: 'RepositoryPolicyText',
  tags: ['Tags', cfn.tags],
});

export const ecrRepository = defineType({
  type: 'aws_ecr_repository',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    tags: s.tags,
    image_tag_mutability: s.string,
    image_scanning_configuration: s.blocks({ scan_on_push: s.boolean }),
    encryption_configuration: s.blocks({ encryption_type: s.string, kms_key: s.string }),
    policy: s.policyDocument,
  }),
  computed: ['arn', 'registry_id', 'repository_url'],
  // The provider's schema defaults (and ECR's own for a repository created without them).
  defaults: {
    image_tag_mutability: 'MUTABLE',
    encryption_configuration: [{ encryption_type: 'AES256', kms_key: null }],
  },
  id: { attribute: 'name', caseInsensitive: false },
  folds: [policyFold({ type: 'aws_ecr_repository_policy', parentIdAttribute: 'repository' })],
  sources: {
    awsConfig: { type: 'AWS::ECR::Repository', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ECR::Repository',
      map: cfn.withTemplateDefaults(fromProperties, {
        image_tag_mutability: 'MUTABLE',
        image_scanning_configuration: [{ scan_on_push: false }],
        encryption_configuration: [{ encryption_type: 'AES256', kms_key: null }],
        policy: null,
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const name = attributes.name;
  const id = typeof name === 'string' && !isUnknown(name) ? name : (item.resourceName ?? item.resourceId);
  attributes.name = id;
  put(attributes, 'arn', item.arn ?? record(configuration)?.Arn);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id, attributes };
}
