/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { backendStates } from '../../connectors/iac/backends.js';

const file = (path: string, text: string) => ({ path, text });

describe('backend blocks to state locations', () => {
  it('s3 and azurerm blocks become the locations the state connector reads, with the workspace and odd keys intact', async () => {
    const { states, problems } = await backendStates(
      [
        file(
          'net/main.tf',
          'terraform {\n  backend "s3" {\n    bucket = "acme-tf"\n    key = "net/a b#1.tfstate"\n    workspace_key_prefix = "ws"\n  }\n}\n',
        ),
        file(
          'app/main.tf',
          'terraform {\n  backend "azurerm" {\n    storage_account_name = "acmetf"\n    container_name = "tfstate"\n    key = "app.tfstate"\n  }\n}\n',
        ),
      ],
      undefined,
      'staging',
    );
    expect(problems).toEqual([]);
    expect(states.map((s) => s.source)).toEqual(['net/main.tf:2', 'app/main.tf:2']);
    expect(states.map((s) => s.state)).toEqual([
      {
        kind: 's3',
        bucket: 'acme-tf',
        key: 'net/a b#1.tfstate',
        workspace: 'staging',
        objectKey: 'ws/staging/net/a b#1.tfstate',
        display: 's3://acme-tf/ws/staging/net/a b#1.tfstate',
      },
      {
        kind: 'azurerm',
        account: 'acmetf',
        container: 'tfstate',
        key: 'app.tfstate',
        workspace: 'staging',
        blobName: 'app.tfstateenv:staging',
        display: 'azurerm://acmetf/tfstate/app.tfstateenv:staging',
      },
    ]);
  });

  it('an interpolated value, an unknown backend kind, and a local backend at a ref are problems, not guesses', async () => {
    const { states, problems } = await backendStates(
      [
        file(
          'a/main.tf',
          'terraform {\n  backend "s3" {\n    bucket = "b-${var.env}"\n    key = "k"\n  }\n}\n',
        ),
        file('b/main.tf', 'terraform {\n  backend "consul" {\n    path = "x"\n  }\n}\n'),
        file('c/main.tf', 'terraform {\n  backend "local" {}\n}\n'),
      ],
      undefined,
      undefined,
    );
    expect(states).toEqual([]);
    expect(problems).toEqual([
      {
        source: 'a/main.tf:2',
        message: 'backend "s3" has no literal bucket (partial configuration?); give the state with --state',
      },
      {
        source: 'b/main.tf:2',
        message: 'backend "consul" is not one driftwarden reads (s3, azurerm, local)',
      },
      {
        source: 'c/main.tf:2',
        message: 'backend "local": a local state is read from the working tree only, not at a ref',
      },
    ]);
  });
});
