import { z } from 'zod';
import type { PathSegment } from '../model/path.js';

/**
 * The keys the object schema at `path` inside `schema` declares (through optional, transformed, array and union
 * schemas), or undefined when no object schema is there: what a misspelt config key is compared with.
 */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] | undefined {
  let current: z.ZodType[] = [schema];
  for (const segment of path) current = current.flatMap(unwrapped).flatMap((node) => childAt(node, segment));
  const keys = current
    .flatMap(unwrapped)
    .flatMap((node) => (node instanceof z.ZodObject ? Object.keys(node.shape) : []));
  return keys.length > 0 ? [...new Set(keys)] : undefined;
}

/** The schemas a value is checked by, wrappers removed. */
function unwrapped(node: z.ZodType): z.ZodType[] {
  if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault)
    return unwrapped(node.unwrap() as z.ZodType);
  if (node instanceof z.ZodPipe) return unwrapped(node.in as z.ZodType);
  if (node instanceof z.ZodUnion) return (node.options as z.ZodType[]).flatMap(unwrapped);
  return [node];
}

function childAt(node: z.ZodType, segment: PathSegment): z.ZodType[] {
  if (node instanceof z.ZodArray && typeof segment === 'number') return [node.element as z.ZodType];
  if (node instanceof z.ZodObject && typeof segment === 'string' && Object.hasOwn(node.shape, segment))
    return [node.shape[segment] as z.ZodType];
  return [];
}
