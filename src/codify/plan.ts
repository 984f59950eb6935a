import type { DriftEntry } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { resourceType } from '../model/types/index.js';
import { canonicalArmId } from './arm-id.js';
import { type ResourceConfig, resourceConfig } from './config.js';
import { representable } from './hcl.js';
import { liveName, resourceName, uniqueNames } from './names.js';

/** One `import` block: the resource address it creates and the id Terraform reads the object by. */
export interface CodifiedImport {
  /** The resource name, unique within its type: `aws_s3_bucket.<name>`. */
  name: string;
  /** The Terraform import id: the catalogue's cloud id, which is the type's import id (ARM ids re-cased: arm-id.ts). */
  id: string;
  /** The live name the resource name was derived from. */
  liveName: string;
  /** The resource block's arguments, with --with-config, where the live attributes were read. */
  config?: ResourceConfig;
}

/** The imports of one type in one account or subscription. */
export interface CodifyGroup {
  provider: string;
  /** The AWS account or Azure subscription, when the live source said. */
  account?: string;
  type: string;
  imports: CodifiedImport[];
}

/** An unmanaged resource for which no import block is written, and why: listed, never guessed. */
export interface NotCodified {
  type: string;
  id: string;
  account?: string;
  reason: string;
}

export interface CodifyPlan {
  groups: CodifyGroup[];
  notCodified: NotCodified[];
  /** With --with-config: imports whose live attributes were not at hand (from a report), so no resource block. */
  withoutConfig: number;
}

export interface CodifyOptions {
  /** Write resource blocks from the live attributes (`--with-config`). */
  withConfig: boolean;
  /** The live resources of the scan, by key; absent for a report, which holds no attributes. */
  live?: ReadonlyMap<string, readonly Resource<'live'>[]>;
  /** Resource addresses the configuration already has (`aws_s3_bucket.logs`): names written never repeat them. */
  takenAddresses?: Iterable<string>;
}

/**
 * What `driftwarden codify` writes for the unmanaged resources of a report: an import block for each whose type's
 * import id the catalogue knows, grouped per provider, account and type, in a stable order.
 */
export function codifyPlan(drift: readonly DriftEntry[], options: CodifyOptions): CodifyPlan {
  const unmanaged = drift
    .filter((entry) => entry.kind === 'unmanaged')
    .sort((a, b) => compare(groupKey(a), groupKey(b)) || compare(a.id, b.id));
  const groups = new Map<string, CodifyGroup>();
  const notCodified: NotCodified[] = [];
  const unique = uniqueNames(rootNames(options.takenAddresses ?? []));
  let withoutConfig = 0;
  for (const entry of unmanaged) {
    const reason = notImportable(entry);
    if (reason !== undefined) {
      notCodified.push({ type: entry.type, id: entry.id, ...account(entry), reason });
      continue;
    }
    const type = resourceType(entry.type);
    const resource = liveResource(options.live, entry);
    const live = liveName(entry.id, type?.id.attribute, resource?.attributes ?? {});
    const imported: CodifiedImport = {
      name: unique(entry.type, resourceName(live)),
      id: entry.provider === 'azurerm' ? canonicalArmId(entry.id, type?.sources.arm?.type) : entry.id,
      liveName: live,
    };
    if (options.withConfig && type && resource) imported.config = resourceConfig(resource, type);
    else if (options.withConfig) withoutConfig++;
    const key = groupKey(entry);
    const group = groups.get(key) ?? {
      provider: entry.provider,
      ...account(entry),
      type: entry.type,
      imports: [],
    };
    group.imports.push(imported);
    groups.set(key, group);
  }
  return { groups: [...groups.values()], notCodified, withoutConfig };
}

/** `{type, name}` of each root-module address (`aws_s3_bucket.logs`, `aws_s3_bucket.logs[0]`); modules' are their own. */
function rootNames(addresses: Iterable<string>): { type: string; name: string }[] {
  const names: { type: string; name: string }[] = [];
  for (const address of addresses) {
    const match = /^([A-Za-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[.*\])?$/.exec(address);
    if (match?.[1] && match[2]) names.push({ type: match[1], name: match[2] });
  }
  return names;
}

/** Why no import block is written for an entry, or undefined when one is. */
function notImportable(entry: DriftEntry): string | undefined {
  const type = resourceType(entry.type);
  if (!type) return "not in driftwarden's type catalogue, so its Terraform import id is not known";
  if (type.id.importIdUnknown !== undefined) return type.id.importIdUnknown;
  if (entry.id === '') return 'the live source gave no id';
  if (!representable(entry.id))
    return 'its id is not valid Unicode text (a lone surrogate), which HCL cannot hold';
  return undefined;
}

/** The live resource behind an entry: by key, and by account where several accounts share the key. */
function liveResource(live: CodifyOptions['live'], entry: DriftEntry): Resource<'live'> | undefined {
  const candidates = live?.get(entry.key) ?? [];
  return candidates.find((resource) => resource.account === entry.account) ?? candidates[0];
}

function account(entry: DriftEntry): { account?: string } {
  return entry.account === undefined ? {} : { account: entry.account };
}

function groupKey(entry: DriftEntry): string {
  return [entry.provider, entry.account ?? '', entry.type].join('\u0000');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
