import * as arm from './read/arm.js';
import { put, record, tagMap } from './read/aws-config.js';
import {
  type Attributes,
  type AwsHomeRegion,
  type CoverageLevel,
  defineType,
  type ResourceType,
} from './resource-type.js';
import * as s from './schema.js';
import type { AwsConfigItem } from './sources.js';

/*
 * Types whose live side is compared generically, from the envelope every item or resource of their source has:
 * an id, tags and (on Azure) a location. One row of a table says which source type is which Terraform type and how
 * the id is read; the row is the type's whole module. A type that needs more (its attributes, a fold, a quirk)
 * gets a module of its own and leaves its table.
 */

/** Where an AWS Config item holds the type's Terraform import id. */
export type AwsIdField = 'resourceId' | 'resourceName' | 'arn';

export interface AwsTableRow {
  /** The Terraform type, `aws_sns_topic`. */
  type: string;
  /** The AWS Config resource type, `AWS::SNS::Topic`. */
  configType: string;
  /** Which field of the item is the import id, as the Terraform docs' import section gives it. */
  id: AwsIdField;
  /** Recorded once, in the region that records global types. */
  global?: boolean;
  /** Recorded only in this region (a global service's home region): not compared in any other. */
  homeRegion?: AwsHomeRegion;
  /** False for a type AWS Config records without tags: only existence is compared. */
  tags?: boolean;
  /** Where the row's facts come from (the provider's import section, the Config resource schema). */
  source: string;
}

export interface ArmTableRow {
  type: string;
  /** The ARM type, `Microsoft.Network/publicIPAddresses`. */
  armType: string;
  /** The type Resource Graph rows carry, where it is not the ARM type. */
  graphType?: string;
  /** False for a type ARM holds no tags for (a subnet): only existence (and location, if any) is compared. */
  tags?: boolean;
  /** False for a child resource that has no location of its own. */
  location?: boolean;
  /** False for a child resource: no resource group name of its own in Terraform. */
  resourceGroup?: boolean;
  source: string;
}

function levelOfRow(tags: boolean | undefined): CoverageLevel {
  return tags === false ? 'existence' : 'tags';
}

/** A type compared by its AWS Config envelope: existence by id, and tags. */
export function awsTableType(row: AwsTableRow): ResourceType {
  const withTags = row.tags !== false;
  return defineType({
    type: row.type,
    provider: 'aws',
    schema: s.attributes(withTags ? { tags: s.tags } : {}),
    id: { attribute: 'id', caseInsensitive: false },
    level: levelOfRow(row.tags),
    table: 'aws',
    sources: {
      awsConfig: {
        type: row.configType,
        ...(row.global ? { global: true } : {}),
        ...(row.homeRegion ? { homeRegion: row.homeRegion } : {}),
        map(item: AwsConfigItem) {
          const id = idOf(item, row.id);
          if (id === undefined) return undefined;
          const attributes: Attributes = {};
          if (withTags) put(attributes, 'tags', item.tags ?? tagMap(record(item.configuration)?.tags));
          return { id, attributes };
        },
      },
    },
  });
}

function idOf(item: AwsConfigItem, field: AwsIdField): string | undefined {
  const value = field === 'arn' ? item.arn : field === 'resourceName' ? item.resourceName : item.resourceId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A type compared by its ARM envelope: existence by ARM id, location and tags. */
export function armTableType(row: ArmTableRow): ResourceType {
  const withTags = row.tags !== false;
  const withLocation = row.location !== false;
  const withGroup = row.resourceGroup !== false;
  return defineType({
    type: row.type,
    provider: 'azurerm',
    schema: s.attributes({
      name: s.string,
      ...(withLocation ? { location: s.string } : {}),
      ...(withGroup ? { resource_group_name: s.string } : {}),
      ...(withTags ? { tags: s.tags } : {}),
    }),
    id: { attribute: 'id', caseInsensitive: true },
    level: levelOfRow(row.tags),
    table: 'azurerm',
    sources: {
      arm: {
        type: row.armType,
        ...(row.graphType ? { graphType: row.graphType } : {}),
        map(resource) {
          const attributes: Attributes = {};
          arm.put(attributes, 'name', arm.nameOf(resource));
          if (withLocation) arm.put(attributes, 'location', arm.location(resource.location));
          if (withGroup)
            arm.put(attributes, 'resource_group_name', arm.idSegmentAfter(resource.id, 'resourcegroups'));
          if (withTags) arm.put(attributes, 'tags', arm.tagsOf(resource.tags));
          return attributes;
        },
      },
    },
  });
}
