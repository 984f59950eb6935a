import { readFile, realpath, stat } from 'node:fs/promises';
import { inputError } from '../errors.js';
import { jsonNestingExcessOffset, MAX_NESTING_DEPTH } from '../util/depth.js';
import { jsonErrorOffset } from '../util/json-error-position.js';

const BINARY_SNIFF_BYTES = 8192;

/**
 * The largest input file read (state, plan, snapshot, baseline): the biggest real states are tens of megabytes,
 * and a file past this would exhaust memory in JSON.parse instead of failing with a message.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface ReadTextOptions {
  /** Larger files are refused; default MAX_INPUT_BYTES. */
  maxBytes?: number;
  /** An empty or whitespace-only file is text, not an error (a `.driftignore` with no rules). */
  allowEmpty?: boolean;
}

/**
 * Reads and parses a JSON file with errors that name the file and the problem in one line. Parse errors give a
 * line and column, never a snippet of the content: state files hold secrets in plain text.
 */
export async function readJsonFile(path: string, displayPath = path): Promise<unknown> {
  return parseJsonText(await readTextFile(path, displayPath), displayPath);
}

/** Parses JSON read from anywhere (a file, an S3 object, a blob), with the same errors as readJsonFile. */
export function parseJsonBytes(bytes: Uint8Array, displayPath: string): unknown {
  if (bytes.length === 0) throw inputError(displayPath, 'file is empty');
  return parseJsonText(decodeText(bytes, displayPath), displayPath);
}

function parseJsonText(text: string, displayPath: string): unknown {
  const tooDeep = jsonNestingExcessOffset(text);
  if (tooDeep >= 0) {
    const { line, column } = lineAndColumn(text, tooDeep);
    throw inputError(
      displayPath,
      `nested deeper than ${MAX_NESTING_DEPTH} levels at line ${line}, column ${column}; driftwarden reads at most ${MAX_NESTING_DEPTH}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw inputError(displayPath, `invalid JSON (${describeJsonError(text)})`);
  }
}

export async function readTextFile(
  path: string,
  displayPath = path,
  options: ReadTextOptions = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const size = await regularFileSize(path, displayPath);
  if (size > maxBytes)
    throw inputError(displayPath, `file is too large (${mebibytes(size)}; at most ${mebibytes(maxBytes)})`);
  if (size === 0) {
    if (options.allowEmpty) return '';
    throw inputError(displayPath, 'file is empty');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error, displayPath);
  }
  // The file may have grown since stat.
  if (bytes.length > maxBytes)
    throw inputError(displayPath, `file is too large (more than ${mebibytes(maxBytes)})`);
  return decodeText(bytes, displayPath, options);
}

/**
 * The size of a regular file. Anything else is refused before it is opened: opening a FIFO blocks until a writer
 * comes, and a device such as /dev/zero never ends. A symbolic link is followed (stat, not lstat), so a link to a
 * regular file reads as that file, and /dev/null as an empty one.
 */
async function regularFileSize(path: string, displayPath: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(error, displayPath);
  }
  if (info.isDirectory()) throw inputError(displayPath, 'is a directory, expected a file');
  if (info.isFile()) return info.size;
  // `--ignore-file /dev/null` is the shell's way to say "no rules": it reads as an empty file.
  if (info.isCharacterDevice() && (await realpath(path).catch(() => '')) === '/dev/null') return 0;
  throw inputError(displayPath, `is ${specialKind(info)}, expected a regular file`);
}

function specialKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean }): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  return 'a block device';
}

function fileError(error: unknown, displayPath: string): unknown {
  if (!isNodeError(error)) return error;
  if (error.code === 'ENOENT') return inputError(displayPath, 'no such file');
  if (error.code === 'EACCES' || error.code === 'EPERM') return inputError(displayPath, 'permission denied');
  if (error.code === 'ENOTDIR') return inputError(displayPath, 'no such file (a parent is not a directory)');
  if (error.code === 'ELOOP') return inputError(displayPath, 'too many levels of symbolic links');
  if (error.code === 'ENAMETOOLONG') return inputError(displayPath, 'the path is too long');
  if (error.code === 'EISDIR') return inputError(displayPath, 'is a directory, expected a file');
  return inputError(displayPath, `cannot be read (${error.code ?? 'I/O error'})`, error);
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}

export function decodeText(
  bytes: Uint8Array,
  displayPath: string,
  options: Pick<ReadTextOptions, 'allowEmpty'> = {},
): string {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) throw inputError(displayPath, 'binary content, expected a UTF-8 text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(displayPath, 'not valid UTF-8 text (binary content?)');
  }
  if (text.trim() === '' && !options.allowEmpty)
    throw inputError(displayPath, 'file is empty (whitespace only)');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeJsonError(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return 'syntax error';
  if (offset >= text.trimEnd().length) return 'unexpected end of file; truncated?';
  const { line, column } = lineAndColumn(text, offset);
  return `syntax error at line ${line}, column ${column}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
