import type { BlobServiceClient } from '@azure/storage-blob';
import { DriftwardenError } from '../../src/errors.js';
import { type AzurermStateLocation, notFound } from './remote.js';

/**
 * Reads a state blob written by the azurerm backend. Read-only: it takes no lease (the backend's lock).
 * Credentials, in order: AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY (the account key, as the backend's
 * access_key), else DefaultAzureCredential. DRIFTWARDEN_AZURE_BLOB_ENDPOINT overrides the account's endpoint.
 * The SDK is imported on the first read, so that a run with no azurerm backend never loads it.
 */
export async function readAzurermBlob(
  location: AzurermStateLocation,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Uint8Array> {
  let service: BlobServiceClient;
  try {
    service = await serviceClient(location, env);
  } catch (error) {
    // The SDK's message may quote the connection string; only the variables' names are shown.
    throw new DriftwardenError(
      'usage',
      'cannot set up the storage client: check AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY and DRIFTWARDEN_AZURE_BLOB_ENDPOINT',
      { location: location.display, cause: error },
    );
  }
  try {
    const blob = service.getContainerClient(location.container).getBlobClient(location.blobName);
    return await blob.downloadToBuffer();
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    const code = errorCode(error);
    if (status === 404 && /ContainerNotFound/i.test(code)) {
      throw new DriftwardenError('input', 'no such container', { location: location.display, cause: error });
    }
    if (status === 404) throw notFound(location.display);
    if (status === 401 || status === 403)
      throw new DriftwardenError('source', 'access denied reading the state blob', {
        location: location.display,
        cause: error,
      });
    throw new DriftwardenError('source', `could not read the state blob: ${code || status || 'error'}`, {
      location: location.display,
      cause: error,
    });
  }
}

async function serviceClient(
  location: AzurermStateLocation,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BlobServiceClient> {
  const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob');
  const options = { retryOptions: { maxTries: 5 } };
  if (env.AZURE_STORAGE_CONNECTION_STRING)
    return BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING, options);
  const endpoint = env.DRIFTWARDEN_AZURE_BLOB_ENDPOINT ?? `https://${location.account}.blob.core.windows.net`;
  if (env.AZURE_STORAGE_KEY)
    return new BlobServiceClient(
      endpoint,
      new StorageSharedKeyCredential(location.account, env.AZURE_STORAGE_KEY),
      options,
    );
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new BlobServiceClient(endpoint, new DefaultAzureCredential(), options);
}

/** Storage errors name their cause in the body, or, for HEAD requests that have none, in x-ms-error-code. */
function errorCode(error: unknown): string {
  const e = error as {
    code?: string;
    details?: { errorCode?: string };
    response?: { headers?: { get(name: string): string | undefined } };
  };
  return e.details?.errorCode ?? e.response?.headers?.get('x-ms-error-code') ?? e.code ?? '';
}
