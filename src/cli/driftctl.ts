import { usageError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * driftctl's IaC sources (`--from`, its docs' "Supported IaC sources"): `tfstate://<path>`, `tfstate+s3://<bucket>/
 * <key>`, `tfstate+azurerm://<container>/<key>` with the account in AZURE_STORAGE_ACCOUNT, and gs, http(s) and
 * tfcloud, which driftwarden does not read. A value may list several, comma-separated, as driftctl's does.
 */
const FROM = /^tfstate(?:\+([a-z0-9]+))?:\/\/(.*)$/is;

/** Whether a value is one of driftctl's `--from` sources: driftctl's `-f` is `--from`, and ours `--format`. */
export function isDriftctlFrom(value: string): boolean {
  return FROM.test(value);
}

/** driftctl's `--from` values as `--state` specs, each checked; an unsupported backend says what to do instead. */
export function driftctlFromToStates(values: readonly string[], env: Env): string[] {
  return values.flatMap((value) => value.split(/,(?=tfstate)/i)).map((item) => stateOf(item.trim(), env));
}

function stateOf(item: string, env: Env): string {
  const match = FROM.exec(item);
  if (!match)
    throw usageError(`--from ${item}: expected driftctl's tfstate://<path> or tfstate+s3://<bucket>/<key>`);
  const backend = match[1]?.toLowerCase();
  const rest = match[2] ?? '';
  if (rest === '') throw usageError(`--from ${item}: names no state`);
  if (backend === undefined) return rest;
  if (backend === 's3') return remote(item, `s3://${rest}`);
  if (backend === 'azurerm') {
    // driftctl takes the storage account from the environment; driftwarden's azurerm:// URL names it.
    const account = env.AZURE_STORAGE_ACCOUNT;
    if (!account)
      throw usageError(
        `--from ${item}: set AZURE_STORAGE_ACCOUNT, as driftctl needs, or give --state azurerm://<account>/${rest}`,
      );
    return remote(item, `azurerm://${account}/${rest}`);
  }
  throw usageError(
    `--from ${item}: driftwarden does not read ${backend} states; run "terraform state pull > state.tfstate" and give --state state.tfstate`,
  );
}

/** driftctl expands globs in bucket keys; driftwarden reads one object per URL. */
function remote(item: string, url: string): string {
  if (/[*[{]/.test(url))
    throw usageError(`--from ${item}: globs in bucket keys are not read; give each state's key`);
  return url;
}
