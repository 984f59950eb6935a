import type { ConnectorContext } from '../../src/connector/types.js';
import type { AwsConfigMapping, AwsHomeRegion } from '../../src/model/types/index.js';
import { resourceType } from '../../src/model/types/index.js';
import { type RawConfigItem, readConfigItem } from './map/decode.js';
import type { TypeMapping } from './map/types.js';

/**
 * Where AWS Config records a type, seen from one region. A global service's types (CloudFront, Route 53, ECR
 * Public, Global Accelerator, the IAM types onboarded after February 2022) are recorded only in the service's home
 * region in the commercial partition, and in AWS GovCloud (US-West) in the GovCloud partition (the RecordingGroup
 * API reference; the CloudFormation RecordingGroup reference: "regionally recorded"). The docs give no home region
 * for the other partitions (China, ISO), so there the type is not compared rather than guessed.
 */
export type Placement =
  /** Recorded in this region as in any: read it. */
  | { kind: 'here' }
  /** Recorded only in another region: not compared here. */
  | { kind: 'elsewhere'; home: string }
  /** Recorded in one region only, and which one is not known from here (no region, or an undocumented partition). */
  | { kind: 'unknown' }
  /** Some of its objects are recorded only in another region: the objects listed here are compared, no others. */
  | { kind: 'partly'; home: string; objects: string };

export function placementOf(mapping: TypeMapping, region: string): Placement {
  const config = configOf(mapping);
  const partly = config?.partlyInHomeRegion;
  const commercial = config?.homeRegion ?? partly?.region;
  if (!commercial) return { kind: 'here' };
  const home = homeRegionIn(region, commercial);
  if (home === region) return { kind: 'here' };
  if (partly) return { kind: 'partly', home: home ?? 'their home region', objects: partly.objects };
  return home === undefined ? { kind: 'unknown' } : { kind: 'elsewhere', home };
}

/** The home region of `region`'s partition: the commercial one's, or AWS GovCloud (US-West); else not known. */
export function homeRegionIn(region: string, commercial: AwsHomeRegion): string | undefined {
  if (/^us-gov-[a-z]+-\d+$/.test(region)) return 'us-gov-west-1';
  // Commercial region names have three parts (eu-west-1, ap-southeast-5); China's start with cn-, ISO's have four.
  if (/^[a-z]{2}-[a-z]+-\d+$/.test(region) && !region.startsWith('cn-')) return commercial;
  return undefined;
}

/** A type recorded in one region alone, whichever that is (the aggregator lists it from every region). */
function isHomeRegionType(mapping: TypeMapping): boolean {
  return configOf(mapping)?.homeRegion !== undefined;
}

function configOf(mapping: TypeMapping): AwsConfigMapping | undefined {
  return resourceType(mapping.terraformType)?.sources.awsConfig;
}

/**
 * Sorts the selected types by where AWS Config records them, seen from `region`: a type recorded only in another
 * region is not listed, and one only some of whose objects are is listed but does not cover its type (`partial`).
 * Each is said once, in one line per home region.
 */
export function placeTypes(
  selected: readonly TypeMapping[],
  region: string,
  ctx: ConnectorContext,
  location: string,
): { readable: TypeMapping[]; partial: Set<TypeMapping> } {
  const readable: TypeMapping[] = [];
  const partial = new Set<TypeMapping>();
  const elsewhere = new Map<string, string[]>();
  const unknown: string[] = [];
  const say = (message: string) =>
    ctx.diagnostic({ level: 'info', code: 'aws-config.home-region', message, source: location });
  for (const mapping of selected) {
    const placement = placementOf(mapping, region);
    if (placement.kind === 'elsewhere')
      elsewhere.set(placement.home, [...(elsewhere.get(placement.home) ?? []), mapping.terraformType]);
    else if (placement.kind === 'unknown') unknown.push(mapping.terraformType);
    else readable.push(mapping);
    if (placement.kind === 'partly') {
      partial.add(mapping);
      say(partlyMessage(mapping, placement.objects, placement.home));
    }
  }
  for (const [home, names] of [...elsewhere].sort(([a], [b]) => (a < b ? -1 : 1)))
    say(`recorded by AWS Config only in ${home}, so not compared here: ${names.join(', ')}`);
  if (unknown.length > 0)
    say(
      `recorded by AWS Config only in one home region, ${
        isRegionName(region)
          ? `which the AWS Config documentation does not give for the partition of ${region}`
          : 'and the region scanned is not known (set AWS_REGION, or regions=)'
      }, so not compared here: ${unknown.join(', ')}`,
    );
  return { readable, partial };
}

export interface AggregatePlan {
  /** The regions to list the type from (undefined: every region), each with the items to keep from it. */
  lists: { region: string | undefined; keep?: (raw: RawConfigItem) => boolean }[];
  /** Set when the listed objects do not cover the type: what to say. */
  partial?: string;
}

/**
 * Where to list a type from through an aggregator. A region filter never hides a type recorded only in its home
 * region: it is listed from every region (only its home region holds it). For a type only some of whose objects
 * are recorded in their home region alone, that region is listed too when the filter leaves it out, keeping only
 * those objects; where the home region is not known, the type is listed as filtered and does not cover its type.
 */
export function aggregateRegions(
  mapping: TypeMapping,
  regions: readonly string[] | undefined,
  aggregatorRegion: string,
): AggregatePlan {
  if (!regions || isHomeRegionType(mapping)) return { lists: [{ region: undefined }] };
  const filtered = regions.map((region) => ({ region }));
  const partly = configOf(mapping)?.partlyInHomeRegion;
  if (!partly) return { lists: filtered };
  const home = homeRegionIn(aggregatorRegion, partly.region);
  if (home === undefined)
    return {
      lists: filtered,
      partial: partlyMessage(mapping, partly.objects, 'their home region, which is not known from here'),
    };
  if (regions.includes(home)) return { lists: filtered };
  return { lists: [...filtered, { region: home, keep: (raw) => heldInHome(mapping, partly.holds, raw) }] };
}

function partlyMessage(mapping: TypeMapping, objects: string, home: string): string {
  return `${mapping.terraformType}: ${objects} are recorded by AWS Config only in ${home}, so here only those AWS Config lists are compared (a declared one it does not list is not compared)`;
}

function isRegionName(region: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region);
}

function heldInHome(mapping: TypeMapping, holds: (id: string) => boolean, raw: RawConfigItem): boolean {
  const read = readConfigItem(raw);
  if ('unreadable' in read) return true;
  const id = mapping.map(read.item)?.id;
  return id !== undefined && holds(id);
}
