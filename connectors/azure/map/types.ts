import type { Value } from '../../../src/model/value.js';

/** An ARM resource as `GET {id}?api-version=...` (or an Azure Resource Graph row) returns it. */
export interface ArmResource {
  id: string;
  name?: string;
  type: string;
  kind?: string;
  location?: string;
  tags?: Record<string, string> | null;
  sku?: Record<string, unknown>;
  identity?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

export interface MappedResource {
  /** The Terraform import id: the full ARM id, as ARM returns it (keys compare it case-insensitively). */
  id: string;
  terraformType: string;
  /** azurerm attribute names. Leave out what the payload does not carry: absent means unknown, never empty. */
  attributes: Record<string, Value>;
}

/** One ARM resource type mapped into canonical azurerm types. One file per type. */
export interface ArmTypeMapping {
  /** The ARM type, e.g. `Microsoft.Storage/storageAccounts` (compared case-insensitively). */
  armType: string;
  /**
   * The type Azure Resource Graph rows carry, where it is not the ARM type: Graph lists resource groups in
   * `ResourceContainers` as `microsoft.resources/subscriptions/resourcegroups`.
   */
  graphType?: string;
  /** The canonical types this mapping can produce (a web site is a Linux or Windows web or function app). */
  terraformTypes: readonly string[];
  /**
   * Every type it produces is a table type, compared by the envelope `Resources - List` already returns (id, name,
   * type, location, tags): the live ARM read maps the listed item and never GETs it.
   */
  envelopeOnly: boolean;
  /** A child ARM returns inside its parent's payload (a subnet): never listed or queried on its own. */
  nested: boolean;
  /** The canonical types of the children this mapping's payloads hold (a virtual network's subnets). */
  childTypes: readonly string[];
  /** A child listed under each of its parents (a blob container): never listed or queried on its own. */
  listed: boolean;
  /** The children listed under each resource of this type (a storage account's blob containers). */
  listedChildren: readonly ListedChildren[];
  /** Returns undefined for a resource Terraform does not model with these types. */
  map(resource: ArmResource): MappedResource | undefined;
}

/** The children of one ARM type listed under a parent: `GET {parentId}/{path}?api-version={apiVersion}`, paged. */
export interface ListedChildren {
  armType: string;
  path: string;
  apiVersion: string;
  /** The canonical types the listed children map to. */
  terraformTypes: readonly string[];
  /** Objects of these types also live under other kinds of parent: covered only under the parents listed. */
  alsoElsewhere: boolean;
}
