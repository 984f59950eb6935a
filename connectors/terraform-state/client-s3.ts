import { awsClientSettings, awsRegion } from '../../src/connector/aws-settings.js';
import { DriftwardenError } from '../../src/errors.js';
import { notFound, type S3StateLocation } from './remote.js';

/**
 * Reads a state object from an S3 backend. Read-only: it takes no lock (neither the DynamoDB table nor the
 * `.tflock` object), as `terraform state pull` would not need to for a read either. The SDK is imported here, on
 * the first read, so that a run with no S3 backend never loads it.
 */
export async function readS3Object(
  location: S3StateLocation,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Uint8Array> {
  const region = awsRegion(env);
  const settings = awsClientSettings(env, 'S3');
  const { GetObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const client = new S3Client({
    ...(region ? { region } : {}),
    ...settings,
    // A custom endpoint (a local S3 such as MinIO or moto) usually needs path-style addressing.
    ...(settings.endpoint ? { forcePathStyle: true } : {}),
    retryMode: 'adaptive',
    maxAttempts: 6,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: 60_000,
      throwOnRequestTimeout: true,
    }),
  });
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.objectKey }));
    if (!out.Body) throw notFound(location.display);
    return await out.Body.transformToByteArray();
  } catch (error) {
    if (error instanceof DriftwardenError) throw error;
    const name = (error as { name?: string }).name ?? '';
    if (name === 'NoSuchKey' || name === 'NotFound') throw notFound(location.display);
    if (name === 'NoSuchBucket')
      throw new DriftwardenError('input', 'no such bucket', { location: location.display, cause: error });
    if (/AccessDenied|Forbidden/i.test(name))
      throw new DriftwardenError('source', 'access denied reading the state object', {
        location: location.display,
        cause: error,
      });
    throw new DriftwardenError('source', `could not read the state object: ${name || 'error'}`, {
      location: location.display,
      cause: error,
    });
  } finally {
    client.destroy();
  }
}
