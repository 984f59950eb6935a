import { type Origin, providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';

export function resource(
  type: string,
  id: string,
  attributes: Record<string, Value>,
  origin: Origin = 'declared',
  extra: Partial<Resource> = {},
): Resource {
  const provider = providerOfType(type);
  return {
    provider,
    type,
    id,
    key: resourceKey(type, id, provider),
    attributes: structuredClone(attributes),
    origin,
    source: { connector: origin === 'declared' ? 'terraform-state' : 'snapshot', location: 'test' },
    sensitivePaths: [],
    ...extra,
  };
}
