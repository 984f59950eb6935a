import { type Origin, providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';

export function resource<O extends Origin = 'declared'>(
  type: string,
  id: string,
  attributes: Record<string, Value>,
  origin: O = 'declared' as O,
  extra: Partial<Omit<Resource, 'origin'>> = {},
): Resource<O> {
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
