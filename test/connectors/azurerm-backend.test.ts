import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Azurite, azuriteAvailable, startAzurite } from '../helpers/azurite.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { state } from '../helpers/state.js';

const ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts';

describe.runIf(azuriteAvailable || process.env.DRIFTWARDEN_REQUIRE_AZURITE === '1')(
  'terraform state from the azurerm backend (Azurite)',
  () => {
    let azurite: Azurite;

    beforeAll(async () => {
      azurite = await startAzurite();
      const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
        'tfstate',
      );
      await container.create();
      const account = (name: string) => ({
        type: 'azurerm_storage_account',
        name,
        instances: [{ attributes: { id: `${ID}/${name}`, name, min_tls_version: 'TLS1_0' } }],
      });
      for (const [blob, name] of [
        ['prod.terraform.tfstate', 'acmeprod'],
        ['prod.terraform.tfstateenv:staging', 'acmestaging'],
      ] as const) {
        const body = state([account(name)]);
        await container.getBlockBlobClient(blob).upload(body, Buffer.byteLength(body));
      }
    }, 60_000);

    afterAll(async () => {
      await azurite?.stop();
    });

    const env = () => ({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });

    it('reads the default workspace and, with --workspace, `<key>env:<workspace>`; takes no lease', async () => {
      const cwd = tempDir();
      const args = [
        'scan',
        '--state',
        'azurerm://devstoreaccount1/tfstate/prod.terraform.tfstate',
        '--format',
        'json',
        '--fail-on',
        'none',
      ];
      const prod = JSON.parse((await runCli(args, { cwd, env: env() })).stdout);
      expect(prod.scan.sources[0]).toMatchObject({
        location: 'azurerm://devstoreaccount1/tfstate/prod.terraform.tfstate',
        status: 'ok',
        resources: 1,
      });
      expect(
        prod.violations
          .filter((v: { ruleId: string }) => v.ruleId === 'DW-AZ-STORAGE-002')
          .map((v: { ruleId: string; key: string }) => [v.ruleId, v.key]),
      ).toEqual([['DW-AZ-STORAGE-002', `azurerm_storage_account.${ID.toLowerCase()}/acmeprod`]]);
      const staging = JSON.parse(
        (await runCli([...args, '--workspace', 'staging'], { cwd, env: env() })).stdout,
      );
      expect(staging.scan.sources[0].location).toBe(
        'azurerm://devstoreaccount1/tfstate/prod.terraform.tfstateenv:staging',
      );
      expect([...new Set(staging.violations.map((v: { key: string }) => v.key))]).toEqual([
        `azurerm_storage_account.${ID.toLowerCase()}/acmestaging`,
      ]);
      const lease = await BlobServiceClient.fromConnectionString(azurite.connectionString)
        .getContainerClient('tfstate')
        .getBlobClient('prod.terraform.tfstate')
        .getProperties();
      expect(lease.leaseState).toBe('available');
    });

    it('a missing blob or container is a one-line error naming it', async () => {
      const missing = await runCli(['scan', '--state', 'azurerm://devstoreaccount1/tfstate/nope.tfstate'], {
        cwd: tempDir(),
        env: env(),
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe(
        'driftwarden: error: azurerm://devstoreaccount1/tfstate/nope.tfstate: no such state object (check the bucket, key and workspace)',
      );
      const container = await runCli(['scan', '--state', 'azurerm://devstoreaccount1/nothere/prod.tfstate'], {
        cwd: tempDir(),
        env: env(),
      });
      expect(container.code).toBe(2);
      expect(container.stderr.trim()).toBe(
        'driftwarden: error: azurerm://devstoreaccount1/nothere/prod.tfstate: no such container',
      );
    });
  },
);
