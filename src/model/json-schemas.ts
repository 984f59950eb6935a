import { z } from 'zod';
import { reportSchema } from './report.js';
import { snapshotSchema } from './snapshot.js';

/** The published JSON Schemas, generated from the zod schemas (`npm run schemas`); a test keeps the files fresh. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'report.schema.json': withId(
      z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'any' }),
      'report',
    ),
    'snapshot.schema.json': withId(
      z.toJSONSchema(snapshotSchema, { io: 'input', unrepresentable: 'any' }),
      'snapshot',
    ),
  };
}

function withId(schema: Record<string, unknown>, name: string): Record<string, unknown> {
  return { ...schema, $id: `https://driftwarden.dev/schemas/${name}-v1.json` };
}
