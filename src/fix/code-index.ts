import { type HclBlock, type HclBody, HclSyntaxError, lineAt, parseHcl } from './hcl-syntax.js';

/**
 * The Terraform files of one root module, parsed on first use. A file that does not parse is named once, with its
 * line, and its blocks are not offered for patching; the other files still are.
 */
export class CodeFile {
  private parsed: HclBody | undefined;
  /** Why the file could not be read as HCL, with its line. */
  problem: string | undefined;

  constructor(
    /** The path shown and written in patches: relative to the repository root, with forward slashes. */
    readonly path: string,
    readonly text: string,
  ) {}

  body(): HclBody | undefined {
    if (this.parsed !== undefined || this.problem !== undefined) return this.parsed;
    try {
      this.parsed = parseHcl(this.text);
    } catch (error) {
      // The parser's recursion is bounded; a stack overflow all the same is this file's problem, not the run's.
      if (error instanceof RangeError) this.problem = `${this.path}: nested too deeply`;
      else if (error instanceof HclSyntaxError)
        this.problem = `${this.path}:${this.lineOf(error.offset)}: ${error.message}`;
      else throw error;
    }
    return this.parsed;
  }

  lineOf(offset: number): number {
    return lineAt(this.text, offset);
  }
}

export interface FoundBlock {
  file: CodeFile;
  block: HclBlock;
}

/** Every `resource "TYPE" "NAME"` block of the files, override files included (Terraform merges them in). */
export function findBlocks(code: readonly CodeFile[], type: string, name: string): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (const file of code) {
    for (const item of file.body()?.items ?? []) {
      if (item.kind !== 'block' || item.type !== 'resource') continue;
      if (item.labels[0] === type && item.labels[1] === name && item.labels.length === 2)
        found.push({ file, block: item });
    }
  }
  return found;
}
