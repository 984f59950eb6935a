#!/usr/bin/env node
import { main } from './main.js';

// The AWS SDK warns on every run that its releases after January 2027 need Node 22; driftwarden pins the SDK in its
// lockfile, so the warning only adds noise to stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
