import { RESOURCE_TYPES, resourceType } from '../../../src/model/types/index.js';
import { listedArmChildren, mapArmResource, nestedArmTypes } from '../../../src/model/types/map-arm.js';
import type { ArmMapping } from '../../../src/model/types/resource-type.js';
import { escapeMarkers, type Value } from '../../../src/model/value.js';
import type { ArmTypeMapping } from './types.js';

/**
 * The ARM mappings of the type catalogue (src/model/types), one per ARM type, as this connector reads them: the
 * same mappings the ARM template reader uses, without the defaults a template gets for what it leaves out.
 */
function catalogueMappings(): ArmTypeMapping[] {
  const byMapping = new Map<ArmMapping, string[]>();
  for (const type of RESOURCE_TYPES)
    if (type.sources.arm)
      byMapping.set(type.sources.arm, [...(byMapping.get(type.sources.arm) ?? []), type.type]);
  const typesOfArmType = (armType: string) =>
    [...byMapping].flatMap(([mapping, types]) => (sameType(mapping.type, armType) ? types : []));
  return [...byMapping].map(([mapping, terraformTypes]) => {
    const childTypes = nestedArmTypes(mapping.type).flatMap(typesOfArmType);
    return {
      armType: mapping.type,
      ...(mapping.graphType ? { graphType: mapping.graphType } : {}),
      terraformTypes,
      envelopeOnly:
        childTypes.length === 0 && terraformTypes.every((type) => resourceType(type)?.table === 'azurerm'),
      nested: mapping.nestedIn !== undefined,
      childTypes,
      listed: mapping.listedUnder !== undefined,
      listedChildren: listedArmChildren(mapping.type).map((child) => ({
        armType: child.type,
        path: child.path,
        apiVersion: child.apiVersion,
        terraformTypes: typesOfArmType(child.type),
        alsoElsewhere: child.alsoElsewhere,
      })),
      map(resource) {
        // A payload is plain JSON; a key shaped like driftwarden's own markers is escaped, never read as one.
        const shape = {
          ...(escapeMarkers(resource as unknown as Value) as object),
          id: resource.id,
          type: resource.type,
        };
        const mapped = mapArmResource(shape, { template: false });
        if (!mapped) return undefined;
        // The import id, where the type builds it from attributes (a role definition's `{id}|{scope}`).
        const importId = resourceType(mapped.terraformType)?.id.importId?.(mapped.attributes);
        return { id: importId ?? resource.id, ...mapped };
      },
    };
  });
}

function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export const ARM_MAPPINGS: readonly ArmTypeMapping[] = catalogueMappings();

const BY_ARM_TYPE: ReadonlyMap<string, ArmTypeMapping> = new Map(
  ARM_MAPPINGS.flatMap((mapping) => [
    [mapping.armType.toLowerCase(), mapping] as const,
    ...(mapping.graphType ? [[mapping.graphType.toLowerCase(), mapping] as const] : []),
  ]),
);

/**
 * The mapping for an ARM type, or the type a Resource Graph row carries, compared case-insensitively
 * (`microsoft.storage/storageaccounts` too).
 */
export function mappingFor(armType: string): ArmTypeMapping | undefined {
  return BY_ARM_TYPE.get(armType.toLowerCase());
}

/** Canonical azurerm type -> the ARM type a live connector reads it from. */
export const ARM_TYPE_BY_TERRAFORM_TYPE: ReadonlyMap<string, string> = new Map(
  ARM_MAPPINGS.flatMap((mapping) => mapping.terraformTypes.map((type) => [type, mapping.armType] as const)),
);

/** The type to ask Resource Graph for: its own name for the type where it has one. */
export function graphTypeOf(mapping: ArmTypeMapping): string {
  return (mapping.graphType ?? mapping.armType).toLowerCase();
}

export type { ArmResource, ArmTypeMapping, ListedChildren, MappedResource } from './types.js';
