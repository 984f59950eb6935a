import { lstat, open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CodeFile } from './code-index.js';

/**
 * The `.tf` files of one root module directory (Terraform reads no subdirectory as part of it), as the files they
 * are: regular files only (a symbolic link, FIFO or directory is passed over, so a link cannot lead the patch out
 * of the repository), at most 2 MiB each (the iac connector's limit), in UTF-8. A file passed over is one
 * problem line naming it; `.tf.json` files are named too, since their JSON syntax is not patched.
 */
export interface ModuleCode {
  files: CodeFile[];
  problems: string[];
}

const MAX_BYTES = 2 * 1024 * 1024;

export async function readModuleCode(dir: string, root: string): Promise<ModuleCode> {
  const code: ModuleCode = { files: [], problems: [] };
  const names = (await readdir(dir))
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(root, path).split(sep).join('/');
    if (name.endsWith('.tf.json')) {
      code.problems.push(`${shown}: Terraform JSON syntax is not patched`);
      continue;
    }
    const stats = await lstat(path);
    if (!stats.isFile()) {
      code.problems.push(`${shown}: not a regular file, not read`);
      continue;
    }
    if (stats.size > MAX_BYTES) {
      code.problems.push(`${shown}: larger than 2 MiB, not read`);
      continue;
    }
    const text = await readText(path);
    if (text === undefined) code.problems.push(`${shown}: not UTF-8 text, not read`);
    else code.files.push(new CodeFile(shown, text));
  }
  return code;
}

async function readText(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
