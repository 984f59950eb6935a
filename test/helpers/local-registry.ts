import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * An npm registry on 127.0.0.1 that serves exactly the runtime packages of package-lock.json (the entries npm did
 * not mark `dev`), with the tarballs npm ci already put in its cache. Installing the packed tarball against it is
 * a real `npm install` (npm resolves the ranges of package.json itself) without the network, and a dependency that
 * only devDependencies bring in is a 404, so the install fails if the runtime list lacks it.
 */
export interface LocalRegistry {
  url: string;
  /** Package names that were asked for and are not runtime dependencies (each answered with a 404). */
  refused: string[];
  close(): Promise<void>;
}

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  [field: string]: unknown;
}

/** The fields of a lock entry that npm reads from a packument's version when it builds the tree. */
const MANIFEST_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'license',
  'deprecated',
] as const;

export async function startLocalRegistry(lockPath: string, npmCache: string): Promise<LocalRegistry> {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };
  const packuments = new Map<string, Record<string, Record<string, unknown>>>();
  const tarballs = new Map<string, string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev || entry.link || !entry.version || !entry.integrity) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const file = `${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
    const content = cachedContent(npmCache, entry.integrity);
    if (!content)
      throw new Error(`${name}@${entry.version} is not in the npm cache (${npmCache}); run npm ci`);
    tarballs.set(`/${file}`, content);
    const manifest: Record<string, unknown> = { name, version: entry.version };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    const versions = packuments.get(name) ?? {};
    versions[entry.version] = { ...manifest, dist: { tarball: file, integrity: entry.integrity } };
    packuments.set(name, versions);
  }
  // npm asks for a runtime package's optional peers (pg's pg-native) to see whether they resolve; a 404 for one of
  // those is the answer a user without it gets, not a package the install lacks.
  const optionalPeers = new Set(
    Object.values(lock.packages).flatMap((entry) =>
      Object.entries((entry.peerDependenciesMeta ?? {}) as Record<string, { optional?: boolean }>)
        .filter(([, meta]) => meta.optional === true)
        .map(([name]) => name),
    ),
  );
  const refused: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const tarball = tarballs.get(path);
    if (tarball) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      createReadStream(tarball).pipe(response);
      return;
    }
    const versions = packuments.get(path.slice(1));
    if (!versions) {
      if (!optionalPeers.has(path.slice(1))) refused.push(path.slice(1));
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":"not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(packument(path.slice(1), versions, baseUrl(server))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${baseUrl(server)}/`,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function packument(name: string, versions: Record<string, Record<string, unknown>>, base: string): unknown {
  const absolute = Object.fromEntries(
    Object.entries(versions).map(([version, manifest]) => {
      const dist = manifest.dist as { tarball: string; integrity: string };
      return [version, { ...manifest, dist: { ...dist, tarball: `${base}/${dist.tarball}` } }];
    }),
  );
  const latest = Object.keys(versions).sort(compareVersions).at(-1);
  return { name, 'dist-tags': { latest }, versions: absolute };
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Where cacache (npm's cache) keeps the content with this integrity: content-v2/<algorithm>/<hex split 2/2/rest>. */
function cachedContent(npmCache: string, integrity: string): string | undefined {
  const [algorithm, digest] = (integrity.split(' ')[0] ?? '').split('-');
  if (!algorithm || !digest) return undefined;
  const hex = Buffer.from(digest, 'base64').toString('hex');
  const path = join(
    npmCache,
    '_cacache',
    'content-v2',
    algorithm,
    hex.slice(0, 2),
    hex.slice(2, 4),
    hex.slice(4),
  );
  return existsSync(path) ? path : undefined;
}
