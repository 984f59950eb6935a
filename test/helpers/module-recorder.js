/**
 * `node --import test/helpers/module-recorder.js ...`: lists every module the process loads, one URL a line, in the
 * file DRIFTWARDEN_RECORD_MODULES names. ES modules (and the CommonJS ones they import) are seen by a load hook
 * (module-recorder-hooks.js, which runs on the loader's own thread); modules that CommonJS code requires are added
 * from the require cache when the process exits. Each worker thread started is a line `worker:`, where it starts
 * among the modules. Used by test/cli/startup.test.ts.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.DRIFTWARDEN_RECORD_MODULES;
if (!out) throw new Error('module-recorder: set DRIFTWARDEN_RECORD_MODULES to the file to write');
writeFileSync(out, '');
register('./module-recorder-hooks.js', import.meta.url);
const threads = createRequire(import.meta.url)('node:worker_threads');
const { Worker } = threads;
threads.Worker = class extends Worker {
  constructor(...args) {
    appendFileSync(out, 'worker:\n');
    super(...args);
  }
};
syncBuiltinESMExports();
process.on('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache).map((path) => pathToFileURL(path).href);
  if (required.length > 0) appendFileSync(out, `${required.join('\n')}\n`);
});
