import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/model/json-schemas.js';
import { packageRoot } from '../../src/util/package-info.js';

const dir = join(packageRoot(), 'src', 'model', 'schemas');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote src/model/schemas/${name}`);
}
