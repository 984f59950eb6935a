import { inputError, usageError } from '../../src/errors.js';

/**
 * Remote state locations, as the backends store them (hashicorp/terraform internal/backend/remote-state):
 * - s3: the default workspace at `<key>`, others at `<workspace_key_prefix>/<workspace>/<key>` (prefix `env:`);
 * - azurerm: the default workspace at `<key>`, others at `<key>env:<workspace>`.
 * A `?workspace=` query (or --workspace, for a URL without one) picks the workspace.
 */
export interface S3StateLocation {
  kind: 's3';
  bucket: string;
  key: string;
  workspace: string;
  objectKey: string;
  display: string;
}

export function parseS3StateUrl(spec: string, defaultWorkspace?: string): S3StateLocation {
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
  return s3StateLocation({
    bucket,
    key,
    workspace: workspaceOf(url, defaultWorkspace),
    workspaceKeyPrefix: url.searchParams.get('workspace_key_prefix') || undefined,
  });
}

/** Where the s3 backend keeps a workspace's state (also for a backend block's literal settings). */
export function s3StateLocation(at: {
  bucket: string;
  key: string;
  workspace?: string | undefined;
  workspaceKeyPrefix?: string | undefined;
}): S3StateLocation {
  const { bucket, key } = at;
  const workspace = at.workspace || 'default';
  const prefix = at.workspaceKeyPrefix || 'env:';
  const objectKey = workspace === 'default' ? key : `${prefix}/${workspace}/${key}`;
  return { kind: 's3', bucket, key, workspace, objectKey, display: `s3://${bucket}/${objectKey}` };
}

/** The URL's own `?workspace=`, else the scan's --workspace. */
function workspaceOf(url: URL, defaultWorkspace: string | undefined): string {
  return url.searchParams.has('workspace')
    ? url.searchParams.get('workspace') || 'default'
    : defaultWorkspace || 'default';
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
export function parseAzurermStateUrl(spec: string, defaultWorkspace?: string): AzurermStateLocation {
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
  return azurermStateLocation({ account, container, key, workspace: workspaceOf(url, defaultWorkspace) });
}

/** Where the azurerm backend keeps a workspace's state (also for a backend block's literal settings). */
export function azurermStateLocation(at: {
  account: string;
  container: string;
  key: string;
  workspace?: string | undefined;
}): AzurermStateLocation {
  const { account, container, key } = at;
  const workspace = at.workspace || 'default';
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
