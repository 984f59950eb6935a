import type { SourceOrder } from './source-order.js';
import { resourceType } from './types/index.js';
import type { Value } from './value.js';

/**
 * Where a resource was read from:
 * - `declared`: Terraform state and plans, which know the cloud id; drift pairs these with the live side;
 * - `code`: infrastructure code (HCL, CloudFormation, ARM) and a plan's resources still to be created, whose cloud id
 *   is not known before apply: keyed by address, checked by the policies, never paired for drift;
 * - `live`: the cloud.
 */
export type Origin = 'declared' | 'code' | 'live';

/** The two sides a scan compares. Code is on the declared side: its findings and its sources are reported there. */
export type Side = 'declared' | 'live';

export function sideOf(origin: Origin): Side {
  return origin === 'live' ? 'live' : 'declared';
}

/** Narrows a resource to one origin, for the lists that hold only that origin (the diff's two sides, code). */
export function hasOrigin<O extends Origin>(resource: Resource, origin: O): resource is Resource<O> {
  return resource.origin === origin;
}

/** Where a resource came from: a file and line for code, a state file and address for state, an API for live. */
export interface SourceRef {
  /** The connector id, e.g. `terraform-state`. */
  connector: string;
  /** What was read, for people: a file path, URL or API location. */
  location: string;
  /**
   * The local file the resource was read from, relative to the scan's working directory with forward slashes; absent
   * when it came from a remote object or an API. Renderers and annotations use this, never `location`.
   */
  file?: string;
  /** The Terraform address, for state and plans: `module.app.aws_s3_bucket.logs[0]`. */
  address?: string;
  /** 1-based line in `location`, for code. */
  line?: number;
}

/**
 * The canonical resource. Both sides use Terraform's type vocabulary (`aws_s3_bucket`, `azurerm_storage_account`)
 * and Terraform's attribute names, so one diff and one policy serve code, state and live data.
 */
export interface Resource<O extends Origin = Origin> {
  /** `aws`, `azurerm`, ... */
  provider: string;
  /** The canonical Terraform type. */
  type: string;
  /** The cloud id, equal to the type's Terraform import id: bucket name, policy ARN, role name, ARM id. */
  id: string;
  /** The pairing key, `type.id`; ids that the cloud compares case-insensitively (ARM ids) are lower-cased. */
  key: string;
  attributes: Record<string, Value>;
  origin: O;
  source: SourceRef;
  /** Attribute paths (`a.b[0]`) whose values are secrets. Their values are masked on ingestion. */
  sensitivePaths: string[];
  /**
   * The account (AWS account id, Azure subscription) the resource lives in, when known. Keys do not include it, so
   * that code without an account still pairs; when several live resources share a key, it picks the right one.
   */
  account?: string;
  /** Sub-resources folded into this one (e.g. `aws_s3_bucket_versioning` into `aws_s3_bucket`). */
  parts?: SourceRef[];
  /** Waivers written beside the resource in code: `# driftwarden:ignore DW-AWS-IAM-001 reason`. */
  waivers?: InlineWaiver[];
  /** Lists normalisation reordered, so that findings can name the source's own index (source-order.ts). */
  sourceOrder?: SourceOrder;
}

export interface InlineWaiver {
  /** A driftwarden rule id, or the other scanner's check id when `scanner` is set (`CKV_AWS_19`, `AVD-AWS-0088`). */
  rule: string;
  reason: string;
  /** `file:line` of the comment. */
  source: string;
  /** A Checkov `checkov:skip=` or Trivy `trivy:ignore:` comment: it waives the rules that name `rule` as theirs. */
  scanner?: 'checkov' | 'trivy';
  /** `yyyy-mm-dd`, from a Trivy comment's `:exp:`: after that day the waiver no longer applies. */
  expires?: string;
}

const CASE_INSENSITIVE_ID_PROVIDERS = new Set(['azurerm', 'azuread', 'azapi']);

/** The account id in an ARN (`arn:aws:iam::111122223333:role/app`), if it has one. */
export function accountFromArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

export function providerOfType(type: string): string {
  const underscore = type.indexOf('_');
  return underscore > 0 ? type.slice(0, underscore) : type;
}

export function resourceKey(type: string, id: string, provider = providerOfType(type)): string {
  const caseInsensitive =
    resourceType(type)?.id.caseInsensitive ?? CASE_INSENSITIVE_ID_PROVIDERS.has(provider);
  return `${type}.${caseInsensitive ? id.toLowerCase() : id}`;
}
