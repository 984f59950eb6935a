/**
 * After the CLI's esbuild build (bundle-cli.ts): fewer, larger chunks. esbuild's code splitting makes one chunk per
 * set of entry points that share code, and with a dozen commands and the modules they import lazily, a scan loaded
 * 50 chunks: each an ES module for Node's loader to resolve, read, compile, link and evaluate, about 0.35 ms apiece
 * before any of its code runs (50 small modules against the same code in one: 23 against 6 ms of CPU on Node 20,
 * which has no compile cache to hide it).
 *
 * The chunks are grouped again by which of a few entry points reach them (GROUPED: the dispatcher, the prewarm, the
 * scan, and the commands that list the catalogues without scanning), and each group of two or more is bundled again
 * by esbuild into `chunks/merged-<hash>.js`, every other chunk, package and builtin staying external. Each merged
 * chunk is replaced by a one-line module re-exporting its names from there, so that whatever imports it (another
 * command, a lazily imported renderer) gets the same module instances: one `DriftwardenError` class, one worker
 * pool. Each of those entry points loads exactly the code it loaded before, in fewer modules; the other commands
 * load whole groups where they used parts (`codify` and `fix` load nearly all of the scan anyway).
 *
 * A chunk reached by an entry point imports only chunks reached by it too, so a group imports only groups reached
 * by more entry points: merged modules never import each other in a cycle. Within a group the chunks keep the order
 * they were evaluated in. Each merged module lists, at its top, the `// src/...` and `// node_modules/...` path
 * comments of its chunks (esbuild's second pass names the chunks instead), which test/cli/startup.test.ts reads to
 * know what a command loaded.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

/** The entry points whose reach groups the chunks, in the order a scan loads them. */
const GROUPED = [
  'src/cli/main.ts',
  'src/cli/scan-prewarm.ts',
  'src/cli/scan-command.ts',
  'src/cli/types-command.ts',
  'connectors/index.ts',
  'src/cli/policies-command.ts',
];

type Outputs = Map<string, Metafile['outputs'][string]>;

export async function mergeChunks(outdir: string, metafile: Metafile): Promise<void> {
  const outputs: Outputs = new Map(
    Object.entries(metafile.outputs).map(([path, output]) => [resolve(path), output] as const),
  );
  const chunks = join(outdir, 'chunks');
  const groups = groupsOf(outputs);
  // The groups reached by more entry points first: a group imports only those, which are then merged already, and
  // it imports their merged modules directly rather than through the one-line modules left in their place.
  const merged: Merged = new Map();
  const bySize = [...groups].sort(([a], [b]) => b.split(' ').length - a.split(' ').length);
  for (const [, members] of bySize) {
    if (members.some((path) => dirname(path) !== chunks))
      throw new Error('merge-chunks: a chunk to merge is outside dist/cli/chunks');
    await mergeGroup(members, outputs, chunks, merged);
  }
  // The other chunks (the other commands', the lazily imported ones) are bundled again in place too, so that they
  // import the merged modules directly rather than through the one-line modules.
  const grouped = new Set([...groups.values()].flat());
  for (const path of outputs.keys())
    if (dirname(path) === chunks && !grouped.has(path)) await mergeGroup([path], outputs, chunks, merged);
}

/**
 * The chunks GROUPED's entry points load, by the entry points that load them (`src/cli/main.ts src/cli/...`), each
 * group in evaluation order: a chunk after the chunks it imports, the entry points in GROUPED's order.
 */
function groupsOf(outputs: Outputs): Map<string, string[]> {
  const staticImports = (path: string) =>
    (outputs.get(path)?.imports ?? []).flatMap(({ path: to, kind, external }) =>
      kind === 'import-statement' && !external ? [resolve(to)] : [],
    );
  const order: string[] = [];
  const reach = new Map<string, string[]>();
  const visit = (path: string, source: string, seen: Set<string>) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const to of staticImports(path)) visit(to, source, seen);
    if (!reach.has(path)) order.push(path);
    reach.set(path, [...(reach.get(path) ?? []), source]);
  };
  for (const source of GROUPED) {
    const entry = [...outputs].find(([, output]) => output.entryPoint === source)?.[0];
    if (!entry) throw new Error(`merge-chunks: no chunk has the entry point ${source}`);
    visit(entry, source, new Set());
  }
  const groups = new Map<string, string[]>();
  for (const path of order) {
    const key = reach.get(path)?.join(' ') ?? '';
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  return groups;
}

/** Each merged chunk: the merged module that holds it, and its index there (its export names' suffix). */
type Merged = Map<string, { name: string; index: number }>;

async function mergeGroup(
  members: readonly string[],
  outputs: Outputs,
  chunks: string,
  merged: Merged,
): Promise<void> {
  const exportsOf = (path: string) => outputs.get(path)?.exports ?? [];
  const reexports = (path: string, index: number) =>
    exportsOf(path)
      .map((n) => `${n}$${index} as ${n}`)
      .join(', ');
  // A chunk alone in its group is bundled again in place, under its own name and export names, only so that it
  // imports merged modules directly.
  const [alone] = members.length === 1 ? members : [];
  const result = await build({
    stdin: {
      // In evaluation order. Export names are unique within a chunk, not across chunks (two export an
      // `unknown`), hence the chunk's index on each.
      contents: alone
        ? `export { ${exportsOf(alone).join(', ')} } from './${basename(alone)}';`
        : members
            .map((path, index) => {
              const names = exportsOf(path).map((name) => `${name} as ${name}$${index}`);
              return `export { ${names.join(', ')} } from './${basename(path)}';`;
            })
            .join('\n'),
      resolveDir: chunks,
      sourcefile: 'merged.js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [onlyMembers(new Set(members), chunks, merged, reexports)],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('merge-chunks: esbuild wrote nothing');
  const pathComments = members.flatMap(
    (path) => readFileSync(path, 'utf8').match(/^\/\/ (?:\S*node_modules\/|src\/|connectors\/)\S+$/gm) ?? [],
  );
  const header = `// Chunks merged by test/scripts/merge-chunks.ts; their sources:\n${pathComments.join('\n')}\n`;
  const text = header + output.text;
  if (alone) {
    const exported = Object.values(result.metafile.outputs)[0]?.exports ?? [];
    if (exportsOf(alone).some((n) => !exported.includes(n)))
      throw new Error(`merge-chunks: ${basename(alone)} lost exports when bundled again`);
    writeFileSync(alone, text);
    return;
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
  const name = `merged-${hash}.js`;
  writeFileSync(join(chunks, name), text);

  const exported = new Set(Object.values(result.metafile.outputs)[0]?.exports ?? []);
  members.forEach((path, index) => {
    const missing = exportsOf(path).filter((n) => !exported.has(`${n}$${index}`));
    if (missing.length > 0)
      throw new Error(`merge-chunks: the merged module lacks ${missing.join(', ')} of ${basename(path)}`);
    writeFileSync(path, `export { ${reexports(path, index)} } from './${name}';\n`);
    merged.set(path, { name, index });
  });
}

/**
 * The group's chunks are bundled; a static import of a chunk merged before is taken from its merged module; every
 * other import (a chunk's dynamic import, another chunk, a package, a builtin) stays as it is written.
 */
function onlyMembers(
  members: ReadonlySet<string>,
  chunks: string,
  merged: Merged,
  reexports: (path: string, index: number) => string,
): Plugin {
  return {
    name: 'only-members',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, ({ path, resolveDir, kind }) => {
        if (!path.startsWith('./') && !path.startsWith('../')) return { path, external: true };
        const absolute = resolve(resolveDir || chunks, path);
        if (kind === 'import-statement' && members.has(absolute)) return { path: absolute };
        // By its name: esbuild writes a namespaced path into a comment, and the build's directory has no place in it.
        if (kind === 'import-statement' && merged.has(absolute))
          return { path: basename(absolute), namespace: 'merged-chunk' };
        if (dirname(absolute) !== chunks) throw new Error(`merge-chunks: ${path} is outside dist/cli/chunks`);
        return { path: `./${basename(absolute)}`, external: true };
      });
      plugin.onLoad({ filter: /.*/, namespace: 'merged-chunk' }, ({ path }) => {
        const absolute = join(chunks, path);
        const at = merged.get(absolute);
        if (!at) throw new Error(`merge-chunks: ${path} was not merged`);
        return {
          contents: `export { ${reexports(absolute, at.index)} } from './${at.name}';`,
          resolveDir: chunks,
        };
      });
    },
  };
}
