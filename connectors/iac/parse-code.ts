import type { Diagnostic } from '../../src/model/report.js';
import { loadProviders } from '../../src/model/types/index.js';
import { parseArmTemplate } from './arm-template.js';
import type { RepoFile } from './client.js';
import { parseCloudFormation } from './cloudformation.js';
import { sourceBudget } from './limits.js';
import { templateKind } from './template-kind.js';
import { parseTerraform } from './terraform-hcl.js';
import { isTerraformJson } from './terraform-json.js';
import type { CodeResource } from './types.js';

/**
 * Terraform from .tf/.tfvars (and .tf.json/.tfvars.json); CloudFormation and ARM from the JSON and YAML files that are templates. All of them
 * draw on one budget of resources (see limits.ts).
 */
export async function parseCode(
  files: readonly RepoFile[],
  diagnostics: Diagnostic[],
): Promise<CodeResource[]> {
  const budget = sourceBudget();
  const templates = files
    .filter((f) => /\.(ya?ml|template|json)$/.test(f.path) && !isTerraformJson(f.path))
    .map((file) => ({ file, kind: templateKind(file.text) }));
  // The azurerm types are loaded on demand (src/model/types/index.ts): for the ARM templates, which map through
  // them, and for Terraform code that names one (a mention too many loads them for nothing, which is harmless).
  if (templates.some(({ kind }) => kind === 'arm') || files.some((f) => f.text.includes('azurerm_')))
    await loadProviders(['azurerm']);
  const code = await parseTerraform(
    files.filter((f) => f.path.endsWith('.tf') || f.path.endsWith('.tfvars') || isTerraformJson(f.path)),
    diagnostics,
    budget,
  );
  for (const { file, kind } of templates) {
    if (kind === 'cloudformation')
      code.push(...collect(parseCloudFormation(file.text, file.path, budget), diagnostics));
    else if (kind === 'arm')
      code.push(...collect(parseArmTemplate(file.text, file.path, budget), diagnostics));
  }
  return code;
}

function collect(
  parsed: { resources: CodeResource[]; diagnostics: Diagnostic[] },
  diagnostics: Diagnostic[],
): CodeResource[] {
  diagnostics.push(...parsed.diagnostics);
  return parsed.resources;
}
