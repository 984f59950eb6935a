#!/usr/bin/env node
import * as module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the modules in a cache on disk (os.tmpdir()/node-compile-cache, or
// NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so that later runs skip compiling them: only
// code, never input or output. Node 20 has no such cache. It must be enabled before the CLI's modules load, hence
// the dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// The AWS SDK warns on every run that its releases after January 2027 need Node 22; driftwarden pins the SDK in its
// lockfile, so the warning only adds noise to stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
