import { put, record, stringOrNull, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { policyFold } from './shared/policy-fold.js';

/**
 * aws_secretsmanager_secret: the secret's metadata, never its value. Keyed by the secret ARN, the Terraform import
 * id and the state's `id` (hashicorp/terraform-provider-aws website/docs/r/secretsmanager_secret.html.markdown,
 * "Import").
 *
 * AWS Config (AWS::SecretsManager::Secret): awslabs/aws-config-resource-schema
 * `AWS::SecretsManager::Secret.properties.json`: DescribeSecret's shape, PascalCase (ARN, Name, Description,
 * KMSKeyId, RotationEnabled, RotationRules). DescribeSecret leaves KMSKeyId out for a secret encrypted with the
 * account's `aws/secretsmanager` key, which Terraform holds as no key: absent is null. The item carries no value.
 * Rotation is Terraform's aws_secretsmanager_secret_rotation, not an attribute of the secret, so it is not mapped.
 *
 * CloudFormation: AWS::SecretsManager::Secret (Name, Description, KmsKeyId, Tags). SecretString and
 * GenerateSecretString are never read.
 *
 * The resource policy: the secret's own `policy` in Terraform, or an aws_secretsmanager_secret_policy (`secret_arn`,
 * `policy`) folded into it; CloudFormation's AWS::SecretsManager::ResourcePolicy (`SecretId`, `ResourcePolicy`).
 * DescribeSecret, and so the Config item, carries no policy (GetResourcePolicy does): live, it is not reported.
 */
export const secretsmanagerSecret = defineType({
  type: 'aws_secretsmanager_secret',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    description: s.string,
    kms_key_id: s.string,
    policy: s.policyDocument,
    tags: s.tags,
  }),
  computed: ['arn'],
  id: { attribute: 'arn', caseInsensitive: false },
  folds: [
    policyFold({
      type: 'aws_secretsmanager_secret_policy',
      parentIdAttribute: 'secret_arn',
      cloudFormation: {
        type: 'AWS::SecretsManager::ResourcePolicy',
        parents: 'SecretId',
        policy: 'ResourcePolicy',
      },
    }),
  ],
  sources: {
    awsConfig: { type: 'AWS::SecretsManager::Secret', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::SecretsManager::Secret',
      // Without KmsKeyId the secret is encrypted with aws/secretsmanager, which Terraform holds as no key.
      map: cfn.fromSpec({
        name: cfn.name('Name'),
        description: cfn.or('Description', null),
        kms_key_id: cfn.or('KmsKeyId', null),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = text(item.arn) ?? text(c.ARN) ?? item.resourceId;
  const attributes: Attributes = { arn };
  put(attributes, 'name', text(c.Name) ?? item.resourceName);
  put(attributes, 'description', stringOrNull(c.Description));
  put(attributes, 'kms_key_id', stringOrNull(c.KMSKeyId));
  put(attributes, 'tags', item.tags ?? tagMap(record(c)?.Tags));
  return { id: arn, attributes };
}
