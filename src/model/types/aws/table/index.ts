import { type AwsTableRow, awsTableType } from '../../generic.js';
import type { ResourceType } from '../../resource-type.js';

/**
 * AWS types compared by their AWS Config envelope (existence by id, and tags), one row each, sorted by type. A
 * row says where its import id and Config type come from; a type that needs its attributes compared gets a module
 * of its own in src/model/types/aws/ and leaves this table.
 */
export const AWS_TABLE: readonly AwsTableRow[] = [
  {
    type: 'aws_secretsmanager_secret',
    configType: 'AWS::SecretsManager::Secret',
    id: 'arn',
    source:
      'import by ARN (aws provider docs, aws_secretsmanager_secret "Import"); awslabs/aws-config-resource-schema AWS::SecretsManager::Secret.properties.json',
  },
];

export const AWS_TABLE_TYPES: readonly ResourceType[] = AWS_TABLE.map(awsTableType);
