import { z } from 'zod';
import type { Value } from './value.js';

/**
 * An attribute value as it comes out of JSON.parse. Not checked deeply: JSON.parse only makes JSON, and a deep
 * check of every attribute costs seconds on a large estate. In the JSON Schemas it reads as "any value".
 */
export const parsedJsonValue = z.custom<Value>(() => true);
