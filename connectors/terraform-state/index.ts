import { expandPaths } from '../../src/connector/expand-paths.js';
import { parseJsonBytes } from '../../src/connector/read-json-file.js';
import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { parseState, readStateFile } from './client.js';
import { readAzurermBlob } from './client-azure.js';
import { readS3Object } from './client-s3.js';
import { CONNECTOR_ID, mapState } from './map.js';
import { parseAzurermStateUrl, parseS3StateUrl } from './remote.js';

const SUPPORTED_REMOTE = /^(s3|azurerm):\/\//i;
const REMOTE_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export const terraformStateConnector: Connector = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary: 'Terraform state (format version 4): files by path or glob, or S3 and azurerm backend objects',
  usage: '--state <path|glob|s3://bucket/key|azurerm://account/container/key>',
  acceptsStateSpec: (spec) => SUPPORTED_REMOTE.test(spec) || !REMOTE_SCHEME.test(spec),
  async resolve(spec: string, ctx: ConnectorContext): Promise<Source[]> {
    if (SUPPORTED_REMOTE.test(spec)) {
      const location = /^s3:/i.test(spec) ? parseS3StateUrl(spec) : parseAzurermStateUrl(spec);
      return [
        {
          connector: CONNECTOR_ID,
          side: 'declared',
          location: location.display,
          async read(readCtx) {
            readCtx.progress(`reading state ${location.display}`);
            const bytes =
              location.kind === 's3'
                ? await readS3Object(location, readCtx.env)
                : await readAzurermBlob(location, readCtx.env);
            const state = parseState(parseJsonBytes(bytes, location.display), location.display);
            const { resources, diagnostics } = mapState(state, location.display);
            for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
            return { resources };
          },
        },
      ];
    }
    const files = await expandPaths(spec, ctx.baseDir, ctx.cwd, ctx.confine);
    return files.map((file) => ({
      connector: CONNECTOR_ID,
      side: 'declared',
      location: file.display,
      async read(readCtx) {
        readCtx.progress(`reading state ${file.display}`);
        const state = await readStateFile(file.absolute, file.display);
        const { resources, diagnostics } = mapState(state, file.display, file.display);
        for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
        return { resources };
      },
    }));
  },
};
