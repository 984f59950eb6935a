/** The load hook of module-recorder.js: appends each module's URL to DRIFTWARDEN_RECORD_MODULES as it loads. */
import { appendFileSync } from 'node:fs';

const out = process.env.DRIFTWARDEN_RECORD_MODULES;

export async function load(url, context, nextLoad) {
  if (out) appendFileSync(out, `${url}\n`);
  return nextLoad(url, context);
}
