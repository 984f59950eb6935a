import { byArmType } from './index.js';
import type { Attributes } from './resource-type.js';
import type { ArmShape } from './sources.js';

export interface ArmMapped {
  terraformType: string;
  attributes: Attributes;
}

/**
 * Maps one ARM resource through the catalogue, for every reader of ARM's shape. `template` applies what ARM sets
 * for a property the template leaves out; a live read reports what the resource holds, and leaves the rest out.
 * Undefined when no type module maps the resource (or its kind).
 */
export function mapArmResource(
  resource: ArmShape,
  { template }: { template: boolean },
): ArmMapped | undefined {
  for (const candidate of byArmType(resource.type)) {
    const mapping = candidate.sources.arm;
    if (!mapping) continue;
    const terraformType = mapping.typeOf ? mapping.typeOf(resource) : candidate.type;
    if (terraformType !== candidate.type) continue;
    const attributes = mapping.map(resource);
    if (template)
      for (const [name, value] of Object.entries(mapping.platformDefaults ?? {}))
        if (!Object.hasOwn(attributes, name)) attributes[name] = value;
    return { terraformType, attributes };
  }
  return undefined;
}

/** True when the catalogue maps this ARM type (for some kind). */
export function isArmTypeMapped(armType: string): boolean {
  return byArmType(armType).length > 0;
}
