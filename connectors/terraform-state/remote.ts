import { inputError, usageError } from '../../src/errors.js';

/**
 * Remote state locations, as the backends store them (hashicorp/terraform internal/backend/remote-state):
 * - s3: the default workspace at `<key>`, others at `<workspace_key_prefix>/<workspace>/<key>` (prefix `env:`);
 * - azurerm: the default workspace at `<key>`, others at `<key>env:<workspace>`.
 * A `?workspace=` query (or --workspace) picks the workspace.
 */
export interface S3StateLocation {
  kind: 's3';
  bucket: string;
  key: string;
  workspace: string;
  objectKey: string;
  display: string;
}

export function parseS3StateUrl(spec: string): S3StateLocation {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw usageError(`--state ${spec}: not a valid s3:// URL`);
  }
  const bucket = url.hostname;
  const key = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  if (!bucket || !key) throw usageError(`--state ${spec}: expected s3://<bucket>/<key>`);
  for (const param of url.searchParams.keys()) {
    if (param !== 'workspace' && param !== 'workspace_key_prefix') {
      throw usageError(`--state ${spec}: unknown option "${param}" (workspace, workspace_key_prefix)`);
    }
  }
  const workspace = url.searchParams.get('workspace') || 'default';
  const prefix = url.searchParams.get('workspace_key_prefix') || 'env:';
  const objectKey = workspace === 'default' ? key : `${prefix}/${workspace}/${key}`;
  const display = `s3://${bucket}/${objectKey}`;
  return { kind: 's3', bucket, key, workspace, objectKey, display };
}

export function notFound(display: string): Error {
  return inputError(display, 'no such state object (check the bucket, key and workspace)');
}

export interface AzurermStateLocation {
  kind: 'azurerm';
  account: string;
  container: string;
  key: string;
  workspace: string;
  blobName: string;
  display: string;
}

/** `azurerm://<storage account>/<container>/<key>`; other workspaces live at `<key>env:<workspace>`. */
export function parseAzurermStateUrl(spec: string): AzurermStateLocation {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw usageError(`--state ${spec}: not a valid azurerm:// URL`);
  }
  const account = url.hostname;
  const [container = '', ...rest] = decodeURIComponent(url.pathname.replace(/^\/+/, '')).split('/');
  const key = rest.join('/');
  if (!account || !container || !key)
    throw usageError(`--state ${spec}: expected azurerm://<storage account>/<container>/<key>`);
  for (const param of url.searchParams.keys()) {
    if (param !== 'workspace') throw usageError(`--state ${spec}: unknown option "${param}" (workspace)`);
  }
  const workspace = url.searchParams.get('workspace') || 'default';
  const blobName = workspace === 'default' ? key : `${key}env:${workspace}`;
  return {
    kind: 'azurerm',
    account,
    container,
    key,
    workspace,
    blobName,
    display: `azurerm://${account}/${container}/${blobName}`,
  };
}
