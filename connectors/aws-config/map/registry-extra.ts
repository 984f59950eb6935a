import type { TypeMapping } from './types.js';

export const EXTRA_MAPPINGS: readonly TypeMapping[] = [];
