import type { Diagnostic } from '../../src/model/report.js';
import type { InlineWaiver } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';

/**
 * A resource read from code (Terraform HCL, a plan, CloudFormation, an ARM template), before it becomes a canonical
 * Resource. Types and attributes are already canonical (Terraform vocabulary); a value that is not statically known
 * is `{"__unknown": true, "reason": "expression"}`.
 */
export interface CodeResource {
  /** The canonical Terraform type, e.g. aws_s3_bucket. */
  type: string;
  /** An address unique in its root module: `module.net.aws_vpc.main[0]`, or `<LogicalId>` for CloudFormation. */
  address: string;
  /** The Terraform root module's directory, when it is not the top of the repository (see map.ts `codeId`). */
  root?: string;
  attributes: Record<string, Value>;
  /** The file, relative to the repository root, and the 1-based line where the resource starts. */
  file: string;
  line: number;
  /** Last line of the resource block, when known (for inline waiver comments inside it). */
  endLine?: number;
  waivers?: InlineWaiver[];
}

export interface ParsedFile {
  resources: CodeResource[];
  diagnostics: Diagnostic[];
}
