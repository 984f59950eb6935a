import { describe, expect, it } from 'vitest';
import { createArmApi } from '../../connectors/azure/client.js';
import { readAzurermBlob } from '../../connectors/terraform-state/client-azure.js';
import { parseAzurermStateUrl } from '../../connectors/terraform-state/remote.js';
import { DriftwardenError } from '../../src/errors.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** Failures of the SDKs' setup, before any request: one DriftwardenError each, with the SDK's error as the cause. */
async function failure(run: () => unknown): Promise<DriftwardenError> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(DriftwardenError);
  return error as DriftwardenError;
}

const SECRET_KEY = 'c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLXNob3du';

describe('connector clients wrap SDK failures once', () => {
  it('azurerm state: a storage connection string the SDK cannot read is a usage error naming the variables only', async () => {
    const location = parseAzurermStateUrl('azurerm://acct/tfstate/prod.tfstate');
    const error = await failure(() =>
      readAzurermBlob(location, { AZURE_STORAGE_CONNECTION_STRING: `AccountKey=${SECRET_KEY}` }),
    );
    expect(error.code).toBe('usage');
    expect(error.message).toBe(
      'azurerm://acct/tfstate/prod.tfstate: cannot set up the storage client: check AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY and DRIFTWARDEN_AZURE_BLOB_ENDPOINT',
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('the same through the CLI: one line, exit 2, and no internal "unexpected error"', async () => {
    const result = await runCli(['scan', '--state', 'azurerm://acct/tfstate/prod.tfstate'], {
      cwd: tempDir(),
      env: { AZURE_STORAGE_CONNECTION_STRING: `AccountKey=${SECRET_KEY}` },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'driftwarden: usage error: azurerm://acct/tfstate/prod.tfstate: cannot set up the storage client: check AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY and DRIFTWARDEN_AZURE_BLOB_ENDPOINT\n',
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET_KEY);
  });

  it('azure: a CA file that cannot be read is an input error naming the file', async () => {
    const error = await failure(() =>
      createArmApi('00000000-0000-0000-0000-000000000000', {
        DRIFTWARDEN_AZURE_TOKEN: 't',
        DRIFTWARDEN_AZURE_CA_FILE: '/nonexistent/ca.pem',
      }),
    );
    expect(error.code).toBe('input');
    expect(error.message).toBe('/nonexistent/ca.pem: DRIFTWARDEN_AZURE_CA_FILE cannot be read');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
