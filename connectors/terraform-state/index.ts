import { expandPaths } from '../../src/connector/expand-paths.js';
import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { readStateFile } from './client.js';
import { CONNECTOR_ID, mapState } from './map.js';

const REMOTE_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export const terraformStateConnector: Connector = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary: 'Terraform state files (format version 4) on disk, from paths and globs',
  usage: '--state <path|glob>',
  acceptsStateSpec: (spec) => !REMOTE_SCHEME.test(spec),
  async resolve(spec: string, ctx: ConnectorContext): Promise<Source[]> {
    const files = await expandPaths(spec, ctx.baseDir, ctx.cwd);
    return files.map((file) => ({
      connector: CONNECTOR_ID,
      side: 'declared',
      location: file.display,
      async read(readCtx) {
        readCtx.progress(`reading state ${file.display}`);
        const state = await readStateFile(file.absolute, file.display);
        const { resources, diagnostics } = mapState(state, file.display);
        for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
        return { resources };
      },
    }));
  },
};
