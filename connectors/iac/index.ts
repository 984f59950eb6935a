import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { inputError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model/report.js';
import { terraformStateConnector } from '../terraform-state/index.js';
import { parseArmTemplate } from './arm-template.js';
import { backendStates } from './backends.js';
import { readRepository } from './client.js';
import { parseCloudFormation } from './cloudformation.js';
import { CONNECTOR_ID, toResource } from './map.js';
import { isRemote, parseRepoSpec } from './schema.js';
import { parseTerraform } from './terraform-hcl.js';
import type { CodeResource } from './types.js';

export const iacConnector: Connector = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary:
    'infrastructure code in a Git repository, at any ref: Terraform HCL, CloudFormation and ARM templates',
  usage: '--repo <path|url> [--ref <ref>]',
  async resolve(spec: string, ctx: ConnectorContext): Promise<Source[]> {
    const parsed = parseRepoSpec(spec);
    const location = `${parsed.repo}${parsed.ref ? `@${parsed.ref}` : ''}`;
    const states = parsed.backends ? await followBackends(parsed, parsed.backends.workspace, ctx) : [];
    return [
      ...states,
      {
        connector: CONNECTOR_ID,
        side: 'declared',
        location,
        async read(readCtx) {
          const diagnostics: Diagnostic[] = [];
          readCtx.progress(`reading ${location}`);
          const repo = await readRepository(parsed, readCtx.baseDir, diagnostics);
          try {
            const code: CodeResource[] = await parseTerraform(
              repo.files.filter((f) => f.path.endsWith('.tf') || f.path.endsWith('.tfvars')),
              diagnostics,
            );
            for (const file of repo.files.filter((f) => /\.(ya?ml|template|json)$/.test(f.path))) {
              const kind = templateKind(file.text);
              if (kind === 'cloudformation')
                code.push(...collect(parseCloudFormation(file.text, file.path), diagnostics));
              else if (kind === 'arm')
                code.push(...collect(parseArmTemplate(file.text, file.path), diagnostics));
            }
            for (const d of diagnostics) readCtx.diagnostic({ ...d });
            const skipped = diagnostics.filter((d) => d.level !== 'info').length;
            return {
              resources: code.map(toResource),
              ...(skipped > 0
                ? {
                    problems: diagnostics
                      .filter((d) => d.level !== 'info')
                      .map((d) => `${d.source ?? ''}: ${d.message}`),
                  }
                : {}),
            };
          } finally {
            await repo.cleanup();
          }
        },
      },
    ];
  },
};

/**
 * The states the repository's backend blocks name, read through the state connector. A backend whose state cannot
 * be found is a failed source named by its block: the scan is then incomplete, as the user asked for that state.
 */
async function followBackends(
  parsed: { repo: string; ref?: string },
  workspace: string | undefined,
  ctx: ConnectorContext,
): Promise<Source[]> {
  // Problems of the files themselves are reported when the code is read.
  const repo = await readRepository(parsed, ctx.baseDir, []);
  const sources: Source[] = [];
  try {
    const local = parsed.ref || isRemote(parsed.repo) ? undefined : repo.root;
    const { states, problems } = await backendStates(repo.files, local, workspace);
    for (const state of states) {
      try {
        sources.push(...(await terraformStateConnector.resolve(state.spec, ctx)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ source: state.source, message });
      }
    }
    for (const problem of problems) sources.push(unreadableBackend(problem.source, problem.message));
  } finally {
    await repo.cleanup();
  }
  return sources;
}

function unreadableBackend(location: string, message: string): Source {
  return {
    connector: 'terraform-state',
    side: 'declared',
    location,
    async read() {
      throw inputError(location, message);
    },
  };
}

function collect(
  parsed: { resources: CodeResource[]; diagnostics: Diagnostic[] },
  diagnostics: Diagnostic[],
): CodeResource[] {
  diagnostics.push(...parsed.diagnostics);
  return parsed.resources;
}

/** JSON and YAML files are many things; only templates are read. */
function templateKind(text: string): 'cloudformation' | 'arm' | undefined {
  if (/AWSTemplateFormatVersion|"Type"\s*:\s*"AWS::|^\s+Type:\s*['"]?AWS::/m.test(text))
    return 'cloudformation';
  if (/deploymentTemplate\.json/i.test(text)) return 'arm';
  return undefined;
}
