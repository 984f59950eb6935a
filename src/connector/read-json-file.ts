import { readFile, stat } from 'node:fs/promises';
import { inputError } from '../errors.js';
import { jsonErrorOffset } from '../util/json-error-position.js';

const BINARY_SNIFF_BYTES = 8192;

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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw inputError(displayPath, `invalid JSON (${describeJsonError(text)})`);
  }
}

export async function readTextFile(path: string, displayPath = path): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw inputError(displayPath, 'is a directory, expected a file');
    size = info.size;
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') throw inputError(displayPath, 'no such file');
    if (isNodeError(error) && error.code === 'EACCES') throw inputError(displayPath, 'permission denied');
    throw error;
  }
  if (size === 0) throw inputError(displayPath, 'file is empty');
  const bytes = await readFile(path);
  return decodeText(bytes, displayPath);
}

export function decodeText(bytes: Uint8Array, displayPath: string): string {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) throw inputError(displayPath, 'binary content, expected a UTF-8 text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(displayPath, 'not valid UTF-8 text (binary content?)');
  }
  if (text.trim() === '') throw inputError(displayPath, 'file is empty (whitespace only)');
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
