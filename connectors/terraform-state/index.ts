import { resolve } from 'node:path';
import { expandPaths } from '../../src/connector/expand-paths.js';
import { parseJsonBytes } from '../../src/connector/read-json-file.js';
import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { loadProvidersOf } from '../../src/model/types/index.js';
import { parseState, readStateFile } from './client.js';
import { readAzurermBlob } from './client-azure.js';
import { readS3Object } from './client-s3.js';
import { CONNECTOR_ID, mapState } from './map.js';
import {
  type AzurermStateLocation,
  parseAzurermStateUrl,
  parseS3StateUrl,
  type S3StateLocation,
} from './remote.js';

const SUPPORTED_REMOTE = /^(s3|azurerm):\/\//i;
const REMOTE_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** State files by path or glob, relative to `baseDir`. */
export interface StateFiles {
  kind: 'files';
  pattern: string;
  baseDir: string;
}

/** What `--state` names: local files, or one object of an S3 or azurerm backend. */
export type StateOptions = StateFiles | S3StateLocation | AzurermStateLocation;

export const terraformStateConnector: Connector<StateOptions> = {
  id: CONNECTOR_ID,
  side: 'declared',
  summary: 'Terraform state (format version 4): files by path or glob, or S3 and azurerm backend objects',
  usage: '--state <path|glob|s3://bucket/key|azurerm://account/container/key>',
  acceptsStateSpec: (spec) => SUPPORTED_REMOTE.test(spec) || !REMOTE_SCHEME.test(spec),
  parse(spec, { baseDir, workspace }) {
    if (!SUPPORTED_REMOTE.test(spec)) return { kind: 'files', pattern: spec, baseDir };
    return /^s3:/i.test(spec) ? parseS3StateUrl(spec, workspace) : parseAzurermStateUrl(spec, workspace);
  },
  localFiles: (options) => (options.kind === 'files' ? [resolve(options.baseDir, options.pattern)] : []),
  async resolve(options: StateOptions, ctx: ConnectorContext): Promise<Source[]> {
    if (options.kind !== 'files') return [remoteSource(options)];
    const files = await expandPaths(options.pattern, options.baseDir, ctx.cwd, ctx.confine);
    return files.map((file) => ({
      connector: CONNECTOR_ID,
      side: 'declared',
      location: file.display,
      async read(readCtx) {
        readCtx.progress(`reading state ${file.display}`);
        const state = await readStateFile(file.absolute, file.display);
        await loadProvidersOf(state.resources.map((resource) => resource.type));
        const { resources, diagnostics } = mapState(state, file.display, file.display);
        for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
        return { resources };
      },
    }));
  },
};

function remoteSource(location: S3StateLocation | AzurermStateLocation): Source {
  return {
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
      await loadProvidersOf(state.resources.map((resource) => resource.type));
      const { resources, diagnostics } = mapState(state, location.display);
      for (const diagnostic of diagnostics) readCtx.diagnostic(diagnostic);
      return { resources };
    },
  };
}
