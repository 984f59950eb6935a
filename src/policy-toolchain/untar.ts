import { gunzipSync } from 'node:zlib';

/** Reads one file out of a .tar.gz (ustar), enough for `opa build` bundles; no dependency, no extraction to disk. */
export function readTarGzEntry(archive: Uint8Array, name: string): Uint8Array | undefined {
  const tar = gunzipSync(archive);
  const wanted = name.replace(/^\/+/, '');
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const entryName =
      (readString(header, 345, 155) ? `${readString(header, 345, 155)}/` : '') + readString(header, 0, 100);
    const size = Number.parseInt(readString(header, 124, 12).trim() || '0', 8);
    const start = offset + 512;
    if (entryName.replace(/^\/+/, '') === wanted) return tar.subarray(start, start + size);
    offset = start + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

function readString(buffer: Uint8Array, start: number, length: number): string {
  const slice = buffer.subarray(start, start + length);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end === -1 ? slice : slice.subarray(0, end));
}
