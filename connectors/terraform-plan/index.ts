import { resolve } from 'node:path';
import { expandPaths } from '../../src/connector/expand-paths.js';
import type { Connector, ConnectorContext, DeclaredSource, Source } from '../../src/connector/types.js';
import { loadProvidersOf } from '../../src/model/types/index.js';
import { readPlanFile } from './client.js';
import { CONNECTOR_ID, mapPlannedValues, moduleInstances } from './map.js';
import { isRefreshOnly, mapRefreshOnly } from './refresh-only.js';
import type { Plan } from './schema.js';

/** Plan files by path or glob, relative to `baseDir`. */
export interface PlanFiles {
  pattern: string;
  baseDir: string;
}

export const terraformPlanConnector: Connector<PlanFiles> = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary:
    'Terraform JSON plans (`terraform show -json`): planned values, or the drift of a refresh-only plan',
  usage: '--plan <path|glob>',
  parse: (pattern, { baseDir }) => ({ pattern, baseDir }),
  localFiles: ({ pattern, baseDir }) => [resolve(baseDir, pattern)],
  /** The plan is read here, as it decides the sources: a refresh-only plan is also a live source. */
  async resolve({ pattern, baseDir }: PlanFiles, ctx: ConnectorContext): Promise<Source[]> {
    const files = await expandPaths(pattern, baseDir, ctx.cwd, ctx.confine);
    const sources: Source[] = [];
    for (const file of files) {
      ctx.progress(`reading plan ${file.display}`);
      let plan: Plan;
      try {
        plan = await readPlanFile(file.absolute, file.display);
      } catch (error) {
        // As for state files: one bad plan is one failed source, and the others are still read.
        sources.push(declaredSource(file.display, () => Promise.reject(error)));
        continue;
      }
      // A plan Terraform could not finish holds only part of the configuration: what it has is read, and the
      // source (so the scan) is partial.
      const problems = planProblems(plan);
      await loadProvidersOf(typesIn(plan));
      if (!isRefreshOnly(plan)) {
        const { resources, diagnostics } = mapPlannedValues(plan, file.display);
        sources.push(
          declaredSource(file.display, async (readCtx) => {
            for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
            return { resources, ...problems };
          }),
        );
        continue;
      }
      const sides = mapRefreshOnly(plan, file.display);
      sources.push(
        declaredSource(file.display, async (readCtx) => {
          for (const diagnostic of sides.declared.diagnostics) readCtx.diagnostic(diagnostic);
          return { resources: sides.declared.resources, ...problems };
        }),
        {
          connector: CONNECTOR_ID,
          side: 'live',
          location: file.display,
          read: async () => ({ resources: sides.live, coverage: sides.coverage }),
        },
      );
    }
    return sources;
  },
};

function planProblems(plan: Plan): { problems?: string[] } {
  const raw = plan as Plan & { errored?: unknown; complete?: unknown };
  if (raw.errored === true)
    return { problems: ['Terraform reported errors making this plan (errored: true)'] };
  if (raw.complete === false)
    return { problems: ['the plan is incomplete (complete: false): some changes were deferred'] };
  return {};
}

function declaredSource(location: string, read: DeclaredSource['read']): DeclaredSource {
  return { connector: CONNECTOR_ID, side: 'declared', location, read };
}

/** The resource types a plan names, in its values and its changes: the catalogue loads their providers. */
function typesIn(plan: Plan): string[] {
  const modules = [plan.planned_values.root_module, plan.prior_state?.values?.root_module];
  return [
    ...modules.flatMap((module) => (module ? moduleInstances(module).map((instance) => instance.type) : [])),
    ...[...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])].map((change) => change.type),
  ];
}
