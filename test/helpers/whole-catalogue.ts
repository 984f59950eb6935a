/**
 * vitest's setup file: every test file starts with the whole type catalogue loaded, as the commands other than
 * `scan` and the library do (src/model/types/index.ts loads the azurerm types on demand). What loads them on demand
 * is tested apart: test/model/catalogue-providers.test.ts (a fresh catalogue, in process) and
 * test/cli/startup.test.ts (the CLI).
 */
import { loadCatalogue } from '../../src/model/types/index.js';

await loadCatalogue();
