import type { Value } from '../value.js';

/**
 * The source shapes the type catalogue maps from. Connectors produce them (decoding what they read); type
 * modules map them. Neither side knows the other's details.
 */

/**
 * An AWS Config configuration item after decoding: `configuration` parsed from its JSON string, and each value of
 * `supplementaryConfiguration` from its own (S3's AccessControlList is encoded twice: parsed until it is not a
 * string). A field of the wrong shape is present with the value `undefined`: unknown, never "not set".
 */
export interface AwsConfigItem {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  accountId?: string;
  awsRegion?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  /** Present on full items (history, tags query), absent from BatchGet items. */
  tags?: Record<string, string>;
}

/**
 * An ARM resource, as a template declares it (its expressions evaluated; what is not static is an unknown marker),
 * as `GET {id}?api-version=...` returns it, or as a Resource Graph row carries it. Property names compare
 * case-insensitively, as ARM compares them.
 */
export interface ArmShape {
  /** The full ARM id, for a live resource; a template does not know it before deployment. */
  id?: string;
  /** The ARM type, `Microsoft.Storage/storageAccounts`. */
  type: string;
  /** The resource's own name: the last segment of a nested name (`db` for `server/db`). */
  name?: Value;
  location?: Value;
  kind?: Value;
  tags?: Value;
  sku?: Value;
  identity?: Value;
  properties?: Value;
  /** An extension resource's `scope`. */
  scope?: Value;
}
