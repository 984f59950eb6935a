import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA_PATH, configJsonSchema } from '../../src/config/json-schema.js';
import { jsonSchemas } from '../../src/model/json-schemas.js';
import { packageRoot } from '../../src/util/package-info.js';

const files: Record<string, unknown> = {
  ...Object.fromEntries(
    Object.entries(jsonSchemas()).map(([name, schema]) => [`src/model/schemas/${name}`, schema]),
  ),
  [CONFIG_SCHEMA_PATH]: configJsonSchema(),
};
for (const [path, schema] of Object.entries(files)) {
  writeFileSync(join(packageRoot(), path), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
