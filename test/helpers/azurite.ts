import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './moto.js';

/** Azurite's blob service (the Azure Storage emulator, from npm), on 127.0.0.1 and a free port, in memory. */
export const AZURITE_BIN = join(import.meta.dirname, '../../node_modules/.bin/azurite-blob');
export const azuriteAvailable = existsSync(AZURITE_BIN);
if (!azuriteAvailable)
  console.warn(
    '\n  NOTICE: azurite not installed (npm ci installs it); the azurerm backend suite is SKIPPED.\n',
  );

/** The emulator's well-known development account (documented by Microsoft; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    AZURITE_BIN,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}?comp=list`);
      break;
    } catch {
      if (attempt > 150) throw new Error('azurite did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}
