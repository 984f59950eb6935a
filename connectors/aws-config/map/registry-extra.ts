import { dbInstanceMapping } from './db-instance.js';
import { dynamodbTableMapping } from './dynamodb-table.js';
import { ebsVolumeMapping } from './ebs-volume.js';
import { efsFileSystemMapping } from './efs-file-system.js';
import { kmsKeyMapping } from './kms-key.js';
import { rdsClusterMapping } from './rds-cluster.js';
import { sqsQueueMapping } from './sqs-queue.js';
import type { TypeMapping } from './types.js';

/** The per-type mappings of this batch, one AWS Config type each, to be merged into the main registry. */
export const EXTRA_MAPPINGS: readonly TypeMapping[] = [
  ebsVolumeMapping,
  dbInstanceMapping,
  rdsClusterMapping,
  dynamodbTableMapping,
  sqsQueueMapping,
  kmsKeyMapping,
  efsFileSystemMapping,
];
