import type { z } from 'zod';
import type { Value } from '../value.js';
import type { Deferred } from './schema.js';
import type { ArmShape, AwsConfigItem } from './sources.js';

export type Attributes = Record<string, Value>;

/**
 * How much the live sources compare of a type: whether its objects exist (`existence`: missing and unmanaged
 * work), also their tags and location (`tags`), or its meaningful attributes with their quirks normalised
 * (`attributes`).
 */
export type CoverageLevel = 'existence' | 'tags' | 'attributes';

/**
 * Everything driftwarden knows about one canonical (Terraform) resource type, in one module:
 * `src/model/types/<provider>/<type>.ts`, listed in `src/model/types/index.ts`. Connectors, normalisation, folding,
 * the diff and codify read these; none keeps a table of its own.
 */
export interface ResourceType {
  /** The canonical Terraform type, `aws_s3_bucket`. */
  type: string;
  /** The Terraform provider, `aws` or `azurerm`. */
  provider: 'aws' | 'azurerm';
  /**
   * A lenient schema of the canonical attributes: what each attribute holds when it is known. Unknown fields are
   * kept (`looseObject`), every field is optional, and an unknown marker is accepted anywhere a value is.
   */
  schema: z.ZodType;
  /** Attribute paths Terraform types as sets (`ingress`, `ingress[*].cidr_blocks`): their order is not compared. */
  sets?: readonly string[];
  /** Attributes only the cloud sets (an ARN, a creation date): code cannot state them. */
  computed?: readonly string[];
  /** Attributes whose values are secrets whatever they hold (`password`): masked on ingestion. */
  sensitive?: readonly string[];
  /**
   * The provider's value for an attribute left out of the configuration, where leaving it out is not "null":
   * `min_tls_version` is `TLS1_2` on azurerm 3+. Policies judge what an unset attribute means from this.
   */
  defaults?: Readonly<Attributes>;
  /**
   * Attributes a new resource takes from what it is created from when its configuration leaves them out:
   * attribute -> the attributes that name such a source. A volume made from a snapshot keeps the snapshot's
   * encryption, so code that sets `snapshot_id` and not `encrypted` does not say whether it is encrypted.
   */
  inherited?: Readonly<Record<string, readonly string[]>>;
  /** Attribute renames across provider versions, old name -> current name; the current name wins. */
  renamed?: readonly (readonly [string, string])[];
  id: IdRule;
  /**
   * What the live sources compare of this type, when it is less than its attributes. A type a live source maps is
   * at `attributes` unless it says otherwise; a type no live source reads is not compared live at all.
   */
  level?: CoverageLevel;
  /**
   * The generic table this type is a row of (`src/model/types/<provider>/table.ts`), for a type compared by its
   * source's envelope only; its fixture is the table's, not a file of its own.
   */
  table?: 'aws' | 'azurerm';
  /** Terraform sub-resources that configure part of this one cloud object, folded into it. */
  folds?: readonly SubResource[];
  /**
   * For a child type Terraform also lets its parent declare as a block (a subnet in azurerm_virtual_network's
   * `subnet`, a rule in azurerm_network_security_group's `security_rule`): a live child that no declared child
   * pairs with, named in its declared parent's block, is managed through the parent, never unmanaged.
   */
  inlineIn?: InlineParent;
  /** Brings Terraform's own shape of this type (nested single blocks, provider 3 inline blocks) to canonical form. */
  canonicalise?(attributes: Attributes): void;
  /** The mapping from each source shape that can describe this type. Each is written once, used by every reader. */
  sources: TypeSources;
}

export interface IdRule {
  /** The attribute holding the cloud id, which is also Terraform's import id unless `importId` says otherwise. */
  attribute: string;
  /** The import id from Terraform state attributes, where `id` is something else (aws_db_instance since 5.0). */
  importId?(attributes: Attributes): string | undefined;
  /**
   * Why the type's Terraform import id is not known, where it is not (the provider's resource page has no Import
   * section): `codify` lists such resources and writes no import block for them, never a guessed one.
   */
  importIdUnknown?: string;
  /** Ids the cloud compares without regard to case (ARM ids): keys lower-case them. */
  caseInsensitive: boolean;
}

export interface SubResource {
  /** The sub-resource's Terraform type, `aws_s3_bucket_versioning`. */
  type: string;
  /** Its attribute that holds the parent's id. */
  parentIdAttribute: string;
  /** Writes the sub-resource's configuration onto the parent's attributes. */
  fold(parent: Attributes, sub: Attributes): void;
  /** The CloudFormation type that declares the same part (AWS::S3::BucketPolicy), mapped to this sub-resource. */
  cloudFormation?: CloudFormationMapping;
  /**
   * The fold read backwards, one entry per parent attribute it writes: where the sub-resource's block writes a
   * folded value, so that `driftwarden fix` patches the block users write (provider 4+) rather than the parent's.
   */
  unfold?: readonly Unfold[];
}

/**
 * One parent attribute a fold writes, and where the sub-resource writes it: either as its attribute of the same
 * name (`policy` is aws_s3_bucket_policy's `policy`), or as its whole body (`public_access_block.block_public_acls`
 * is aws_s3_bucket_public_access_block's `block_public_acls`). `paths` names the keys below the attribute that
 * the fold renames or whose values it converts (`versioning.enabled` is `versioning_configuration.status`,
 * `"Enabled"` or `"Suspended"`); a key it leaves out keeps its path and value.
 */
export interface Unfold {
  attribute: string;
  as: 'attribute' | 'body';
  paths?: Readonly<Record<string, UnfoldedPath>>;
}

export interface UnfoldedPath {
  /** The sub-resource's path, `versioning_configuration.status`. */
  path: string;
  /** The canonical value of what the code writes there, as the fold reads it. */
  read(written: Value): Value;
  /** What to write there for a canonical value; undefined where nothing written folds to it. */
  write(canonical: Value): Value | undefined;
}

export interface InlineParent {
  /** The parent's canonical type, `azurerm_virtual_network`. */
  type: string;
  /** The parent's block of children, `subnet`; each block's `name` names one child. */
  block: string;
  /** The parent's cloud id, from a child's. */
  parentId(childId: string): string | undefined;
}

export interface TypeSources {
  awsConfig?: AwsConfigMapping;
  cloudFormation?: CloudFormationMapping;
  arm?: ArmMapping;
}

/** What a source mapping gives: the attributes it reports. Left out means not reported (unknown), never empty. */
export interface Mapped {
  /** The cloud id (the import id), where the source knows it: live sources do, templates do not. */
  id?: string;
  attributes: Attributes;
}

export interface AwsConfigMapping {
  /** The AWS Config resource type, `AWS::S3::Bucket`. */
  type: string;
  /** Recorded once, in the region that records global types (IAM). */
  global?: boolean;
  /**
   * The one region AWS Config records the type in, for a global service's types (CloudFront, Route 53, the IAM
   * types onboarded after February 2022): the service's home region in the commercial partition. In the AWS
   * GovCloud (US) partition Config records them in AWS GovCloud (US-West) instead. `includeGlobalResourceTypes`
   * does not apply to them: a recorder of all supported types records them in that region. In every other region
   * the type is not compared (never missing). Not `global`: that flag is the IAM bundle recorded everywhere.
   */
  homeRegion?: AwsHomeRegion;
  /**
   * For a type only some of whose objects are recorded in one region alone (CLOUDFRONT-scope WAFv2 web ACLs, in
   * us-east-1; the REGIONAL ones in their own region): elsewhere the objects Config lists are compared, and a
   * declared one it does not list is not compared. `holds` tells such an object by its id.
   */
  partlyInHomeRegion?: { region: AwsHomeRegion; objects: string; holds(id: string): boolean };
  /**
   * A lenient schema of the item fields the mapping reads (`{configuration, supplementaryConfiguration}`): a field
   * of the wrong shape becomes unknown and a diagnostic, never a guess. A `z.lazy` in the type modules, built when
   * an item is first read: every scan loads the catalogue, few read AWS Config.
   */
  itemSchema?: z.ZodType;
  /** Returns undefined for an item Terraform never manages (an AWS-managed KMS key). */
  map(item: AwsConfigItem): (Mapped & { id: string }) | undefined;
}

/** A global service's home region in the commercial partition, where AWS Config records its types. */
export type AwsHomeRegion = 'us-east-1' | 'us-west-2';

export interface CloudFormationMapping {
  /** The CloudFormation resource type, `AWS::S3::Bucket`; more than one maps here when `also` lists them. */
  type: string;
  /** Other CloudFormation types that describe the same canonical type (AWS::IAM::Policy as aws_iam_policy). */
  also?: readonly string[];
  /**
   * Maps resolved Properties (an object, or an unknown marker when the whole block is conditional). An absent
   * property is left out, except where CloudFormation's default for it is what the policies judge.
   */
  map(properties: Value, cfnType: string): Attributes;
}

export interface ArmMapping {
  /** The ARM type, `Microsoft.Storage/storageAccounts`, compared case-insensitively. */
  type: string;
  /** The type Resource Graph rows carry where it is not the ARM type (resource groups). */
  graphType?: string;
  /**
   * For a child resource ARM returns inside its parent and never lists on its own (the subnets of a virtual
   * network): the parent's ARM type and the property of its `properties` that holds the children. Live readers
   * read the parent and map each child from there; the child type is covered exactly when its parent's is.
   */
  nestedIn?: { type: string; property: string };
  /**
   * For a child resource that neither `Resources - List` nor Resource Graph lists and that its parent's payload does
   * not hold (a storage account's blob containers, a Service Bus namespace's queues): the parent's ARM type, the
   * path under each parent's id that lists the children (`blobServices/default/containers`, paged by nextLink) and
   * the api-version to list them at. Live readers list them once per parent they read; the child type is covered
   * for the parents whose list succeeded. `alsoElsewhere`: the type also has objects under other kinds of parent (an
   * event subscription on a resource group as well as on a topic), so the readers speak for the parents they listed,
   * never for the whole type.
   */
  listedUnder?: { type: string; path: string; apiVersion: string; alsoElsewhere?: boolean };
  /**
   * The canonical type of one ARM resource, where one ARM type is several Terraform types (a site is a Linux or
   * Windows web or function app); undefined for one that Terraform does not model with this type.
   */
  typeOf?(resource: ArmShape): string | undefined;
  /**
   * One mapping for every reader of ARM's shape: a template resource (values may be unknown markers), a GET and a
   * Resource Graph row. What the resource leaves out is left out.
   */
  map(resource: ArmShape): Attributes;
  /**
   * What ARM sets for a property a template leaves out, in canonical names. Where that changed between
   * api-versions, a function of the resource's api-version (undefined when the template's is not static): a
   * storage account that omits `supportsHttpsTrafficOnly` gets `true` from api-version 2019-04-01, `false` before.
   * A live read never uses these.
   */
  platformDefaults?: Readonly<Attributes> | ((apiVersion: string | undefined) => Readonly<Attributes>);
}

/** What a type module writes: a `ResourceType` whose schema is described (`s.attributes`), not built yet. */
export interface TypeDefinition extends Omit<ResourceType, 'schema'> {
  schema: Deferred<z.ZodObject>;
}

/**
 * Defines a type module, so that it reads as data. The schema is built when it is first read: a scan reads none,
 * and building all of them was most of the catalogue's cost at start-up.
 */
export function defineType({ schema, ...type }: TypeDefinition): ResourceType {
  return {
    ...type,
    get schema() {
      return schema();
    },
  };
}
