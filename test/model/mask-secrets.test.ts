import { describe, expect, it } from 'vitest';
import { maskPaths, maskSecrets, maskValue } from '../../src/model/mask-secrets.js';
import type { Resource } from '../../src/model/resource.js';
import { containsSecret, redactSecretText } from '../../src/model/secret-patterns.js';
import { isSensitive, type Value } from '../../src/model/value.js';
import { resource } from '../helpers/resource.js';

function masked(type: string, attributes: Record<string, Value>, extra: Partial<Resource> = {}): Resource {
  const r = resource(type, 'x', attributes, 'declared', extra);
  maskSecrets(r);
  return r;
}

const sensitive = expect.objectContaining({ __sensitive: expect.any(String) });

/** Realistic planted values; each must be masked whatever attribute holds it. */
const AWS_KEY_ID = 'AKIAIOSFODNN7PLANTED';
const AWS_SECRET = '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';
const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAplanted\n-----END OPENSSH PRIVATE KEY-----';
const STORAGE =
  'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=pl4ntedAccountKey+abc==;EndpointSuffix=core.windows.net';
const SQL = 'Server=tcp:db.database.windows.net,1433;Database=app;User ID=admin;Password=pl4nted-sql;';
const GITHUB = 'ghp_pl4ntedGitHubToken00000000000000000';
const SLACK = 'xoxb-1234567890-pl4ntedslack';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbDRudGVkIn0.pl4ntedSignature_abc';
const BEARER = 'Authorization: Bearer pl4ntedBearerToken123';
const URL_CREDENTIALS = 'https://deploy:pl4nted-url-pass@git.example.com/repo.git';

describe('settings maps are sensitive by default', () => {
  it('Lambda environment variables: each value masked, names kept, a changed value a different digest', () => {
    const a = masked('aws_lambda_function', {
      function_name: 'f',
      environment: [{ variables: { STRIPE_KEY: 'sk_live_one', REGION: 'eu-west-1' } }],
    });
    const b = masked('aws_lambda_function', {
      environment: [{ variables: { STRIPE_KEY: 'sk_live_two', REGION: 'eu-west-1' } }],
    });
    expect(a.attributes.environment).toEqual([{ variables: { STRIPE_KEY: sensitive, REGION: sensitive } }]);
    expect(a.attributes.function_name).toBe('f');
    expect(a.sensitivePaths).toEqual([
      'environment[0].variables.REGION',
      'environment[0].variables.STRIPE_KEY',
    ]);
    const variables = (r: Resource) =>
      (r.attributes.environment as { variables: Record<string, Value> }[])[0];
    expect(variables(a)?.variables.STRIPE_KEY).not.toEqual(variables(b)?.variables.STRIPE_KEY);
    expect(variables(a)?.variables.REGION).toEqual(variables(b)?.variables.REGION);
  });

  it('ECS container definitions: the JSON string is parsed, environment values and secrets masked inside', () => {
    const definitions = JSON.stringify([
      {
        name: 'app',
        image: 'app:1.2',
        environment: [{ name: 'STRIPE_KEY', value: 'sk_live_ecs' }],
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:eu-west-1:1:parameter/db' }],
      },
    ]);
    const r = masked('aws_ecs_task_definition', { family: 'app', container_definitions: definitions });
    expect(r.attributes.container_definitions).toEqual([
      {
        name: 'app',
        image: 'app:1.2',
        environment: [{ name: 'STRIPE_KEY', value: sensitive }],
        secrets: [{ name: 'DB', valueFrom: sensitive }],
      },
    ]);
    expect(r.sensitivePaths).toEqual([
      'container_definitions[0].environment[0].value',
      'container_definitions[0].secrets[0].valueFrom',
    ]);
    expect(JSON.stringify(r)).not.toContain('sk_live_ecs');
  });

  it('a container definitions string that is not JSON is masked whole', () => {
    const r = masked('aws_ecs_task_definition', { container_definitions: '[{"environment": sk_live_broken' });
    expect(r.attributes.container_definitions).toEqual(sensitive);
    expect(r.sensitivePaths).toEqual(['container_definitions']);
  });

  it('Batch container properties, already parsed or as JSON', () => {
    const properties = { image: 'x', environment: [{ name: 'TOKENISH', value: 'v1' }] };
    for (const container_properties of [properties, JSON.stringify(properties)]) {
      const r = masked('aws_batch_job_definition', {
        container_properties: structuredClone(container_properties),
      });
      expect(r.attributes.container_properties).toEqual({
        image: 'x',
        environment: [{ name: 'TOKENISH', value: sensitive }],
      });
    }
  });

  it.each([
    'azurerm_linux_web_app',
    'azurerm_windows_function_app',
    'azurerm_app_service',
    'azurerm_function_app',
    'azurerm_linux_web_app_slot',
    'azurerm_windows_function_app_slot',
  ])('%s app_settings and connection strings', (type) => {
    const r = masked(type, {
      app_settings: { STRIPE_KEY: 'sk_live_app', WEBSITE_RUN_FROM_PACKAGE: '1' },
      https_only: true,
    });
    expect(r.attributes).toEqual({
      app_settings: { STRIPE_KEY: sensitive, WEBSITE_RUN_FROM_PACKAGE: sensitive },
      https_only: true,
    });
    // The block's name already says it is a secret, so it is masked whole (its values are in the table as well).
    expect(
      masked(type, { connection_string: [{ name: 'db', value: 'Server=x' }] }).attributes.connection_string,
    ).toEqual(sensitive);
  });

  it.each(['azurerm_container_app', 'azurerm_container_app_job'])('%s container env values', (type) => {
    const r = masked(type, {
      template: [{ container: [{ name: 'c', image: 'i', env: [{ name: 'STRIPE_KEY', value: 'sk' }] }] }],
    });
    expect(r.attributes.template).toEqual([
      { container: [{ name: 'c', image: 'i', env: [{ name: 'STRIPE_KEY', value: sensitive }] }] },
    ]);
  });

  it('raw CloudFormation and ARM shapes that reach the model unmapped, whatever the type and key case', () => {
    const cfn = masked('aws_lambda_function', { Environment: { Variables: { STRIPE_KEY: 'sk' } } });
    expect(cfn.attributes.Environment).toEqual({ Variables: { STRIPE_KEY: sensitive } });
    const arm = masked('azurerm_linux_web_app', {
      properties: { siteConfig: { appSettings: [{ name: 'STRIPE_KEY', value: 'sk' }], alwaysOn: true } },
    });
    expect(arm.attributes.properties).toEqual({
      siteConfig: { appSettings: [{ name: 'STRIPE_KEY', value: sensitive }], alwaysOn: true },
    });
    const lower = masked('aws_x', { properties: { siteconfig: { appsettings: [{ value: 'sk' }] } } });
    expect(lower.attributes.properties).toEqual({ siteconfig: { appsettings: [{ value: sensitive }] } });
  });

  it('other types keep their environment-like attributes unless a name or shape says otherwise', () => {
    const r = masked('aws_s3_bucket', { environment: [{ variables: { REGION: 'eu-west-1' } }] });
    expect(r.attributes.environment).toEqual([{ variables: { REGION: 'eu-west-1' } }]);
  });
});

describe('secret-shaped values are masked under any name', () => {
  it.each([
    ['an AWS access key id', AWS_KEY_ID],
    ['a private key block', PRIVATE_KEY],
    ['a private key without its END line', '-----BEGIN RSA PRIVATE KEY-----MIIEpl4nted'],
    ['a storage connection string', STORAGE],
    ['a SQL connection string', SQL],
    ['a GitHub token', GITHUB],
    ['a fine-grained GitHub token', 'github_pat_11ABCDEFG0pl4nted_abcdefghijklmnop'],
    ['a Slack token', SLACK],
    ['a JWT', JWT],
    ['a bearer token', BEARER],
    ['a URL with a password', URL_CREDENTIALS],
    ['an AWS secret key in a credentials file', `[default]\naws_secret_access_key = ${AWS_SECRET}\n`],
    ['a password in user data', '#!/bin/sh\nexport DB_PASSWORD=pl4nted\n./run'],
    ['a secret in a JSON document', '{"client_secret": "pl4nted"}'],
    ['a password in cloud-init', '#cloud-config\nusers:\n  - name: a\n    passwd: pl4nted\n'],
  ])('%s', (_, value) => {
    expect(containsSecret(value)).toBe(true);
    const r = masked('aws_instance', { description: value, user_data: value, tags: { Note: value } });
    expect(r.attributes).toEqual({ description: sensitive, user_data: sensitive, tags: { Note: sensitive } });
    expect(r.sensitivePaths).toEqual(['description', 'tags.Note', 'user_data']);
  });

  it.each([
    'arn:aws:iam::123456789012:role/app',
    'https://example.com/path?x=1',
    'https://user@example.com/repo.git',
    'Password=',
    'token_type=bearer',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue"}]}',
    'Bearer tokens are checked by the gateway',
    'bearer authentication',
    'a description: with a colon',
    'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'AKIAEXAMPLE',
    '{"password": {"type": "securestring"}}',
  ])('not %j', (value) => {
    expect(containsSecret(value)).toBe(false);
    expect(masked('aws_instance', { description: value }).attributes.description).toBe(value);
  });

  it('a value shaped like a secret key is masked beside an access key id, and only there', () => {
    const r = masked('aws_x', { pair: { id: AWS_KEY_ID, value: AWS_SECRET }, alone: { value: AWS_SECRET } });
    expect(r.attributes.pair).toEqual({ id: sensitive, value: sensitive });
    expect(r.attributes.alone).toEqual({ value: AWS_SECRET });
  });

  it('names in camelCase and PascalCase, as raw CloudFormation and ARM shapes have them', () => {
    const r = masked('aws_x', {
      MasterUserPassword: 'a',
      administratorLoginPassword: 'b',
      SecretAccessKey: 'c',
      AccessKeyId: 'd',
      KmsKeyId: 'e',
    });
    expect(r.attributes).toEqual({
      MasterUserPassword: sensitive,
      administratorLoginPassword: sensitive,
      SecretAccessKey: sensitive,
      AccessKeyId: 'd',
      KmsKeyId: 'e',
    });
  });
});

describe('permission lists', () => {
  it("a Key Vault access policy's secret_permissions names permissions, not a secret; secret_key is one", () => {
    const r = masked('azurerm_key_vault_access_policy', {
      secret_permissions: ['Get', 'List'],
      key_permissions: ['Get'],
      secret_key: 'pl4nted-secret-key',
    });
    expect(r.attributes.secret_permissions).toEqual(['Get', 'List']);
    expect(r.attributes.key_permissions).toEqual(['Get']);
    expect(r.attributes.secret_key).toEqual(sensitive);
  });
});

describe('namespaced names', () => {
  it('an IAM condition key is judged by its own part: the issuer host token.actions... is no secret word', () => {
    const condition = {
      'token.actions.githubusercontent.com:sub': 'repo:my-org/app:*',
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'custom:password': 'pl4nted-namespaced',
    };
    const r = masked('aws_x', {
      assume_role_policy: { Statement: [{ Condition: { StringLike: condition } }] },
    });
    expect(r.attributes.assume_role_policy).toEqual({
      Statement: [
        {
          Condition: {
            StringLike: {
              'token.actions.githubusercontent.com:sub': 'repo:my-org/app:*',
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'custom:password': sensitive,
            },
          },
        },
      ],
    });
  });
});

describe('redactSecretText, for free text', () => {
  it.each([
    [`key ${AWS_KEY_ID} then ${AWS_SECRET} failed`, 'key (redacted) then (redacted) failed'],
    [
      `bad ${STORAGE}`,
      'bad DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=(redacted);EndpointSuffix=core.windows.net',
    ],
    [SQL, 'Server=tcp:db.database.windows.net,1433;Database=app;User ID=admin;Password=(redacted);'],
    [`clone ${URL_CREDENTIALS} failed`, 'clone https://deploy:(redacted)@git.example.com/repo.git failed'],
    [`token ${GITHUB}.`, 'token (redacted).'],
    [`${BEARER}\nnext`, 'Authorization: Bearer (redacted)\nnext'],
    [`jwt=${JWT}`, 'jwt=(redacted)'],
    [`{"password": "pl4nted", "user": "a"}`, '{"password": (redacted), "user": "a"}'],
    [`key: ${PRIVATE_KEY} end`, 'key: (redacted) end'],
    ['key: -----BEGIN RSA PRIVATE KEY-----MIIEpl4nted" oops}', 'key: (redacted)" oops}'],
    ['<SecretAccessKey>pl4nted</SecretAccessKey>', '<SecretAccessKey>(redacted)</SecretAccessKey>'],
    [
      'https://a.blob.core.windows.net/c?sv=2022&sig=pl4nted%2Fsig&se=x',
      'https://a.blob.core.windows.net/c?sv=2022&sig=(redacted)&se=x',
    ],
  ])('%j', (text, expected) => {
    expect(redactSecretText(text)).toBe(expected);
  });

  it('leaves ordinary messages as they are', () => {
    const text =
      'prod.tfstate: invalid JSON (syntax error at line 1, column 60): unexpected } token: expected ","';
    expect(redactSecretText(text)).toBe(text);
  });
});

describe('the patterns are linear: 1 MB of adversarial text completes', () => {
  const MB = 1 << 20;
  const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  it.each([
    ['letters', repeat('a')],
    ['spaces', repeat(' ')],
    ['AKIA prefixes', repeat('AKIA')],
    ['JWT headers without dots', `eyJ${repeat('a')}`],
    ['JWT header runs', repeat('eyJ.')],
    ['JWT-like parts', repeat('eyJabcdefgh.')],
    ['BEGIN lines without END', repeat('-----BEGIN RSA PRIVATE KEY-----')],
    ['BEGIN prefixes', repeat('-----BEGIN ')],
    ['key= prefixes', repeat('password=')],
    ['unterminated quoted values', repeat('password="')],
    ['long keys', repeat('passwordpasswordpasswordpassword')],
    ['JSON members', repeat('"password":"')],
    ['escaped quotes', `"password":"${repeat('\\"')}`],
    ['GitHub prefixes', repeat('ghp_')],
    ['Slack prefixes', repeat('xoxb-')],
    ['URL schemes', repeat('https://')],
    ['URL userinfo', repeat('https://a:')],
    ['URL passwords without a host', `https://a:${repeat('b')}`],
    ['bearer words', repeat('Bearer ')],
    ['XML elements', `${repeat('<password>')}</`],
    ['YAML keys', repeat('password: \n')],
    ['base64', repeat('A/+0')],
  ])('%s', (_, text) => {
    expect(typeof redactSecretText(text)).toBe('string');
    expect(typeof containsSecret(text)).toBe('boolean');
    const r = masked('aws_ecs_task_definition', { description: text, container_definitions: text });
    expect(r.attributes.description === text || isSensitive(r.attributes.description)).toBe(true);
  });
});

describe('maskPaths: the live side is masked by meaning, not by index', () => {
  function declaredAndLive(declaredValue: Value, liveValue: Value, paths: string[]) {
    const declared = masked('aws_x', { list: declaredValue }, { sensitivePaths: paths });
    const live = structuredClone({ list: liveValue }) as Record<string, Value>;
    return { declared, live };
  }

  it('a sensitive element that moved is still masked, with the digest of the declared secret', () => {
    const { declared, live } = declaredAndLive(['public', 'S3CRET'], ['S3CRET', 'public'], ['list[1]']);
    maskPaths(live, declared.sensitivePaths, declared.attributes);
    expect(live.list).toEqual([maskValue('S3CRET'), 'public']);
    expect(JSON.stringify(live)).not.toContain('S3CRET');
  });

  it('without the declared side, every element of a list with a sensitive index is masked', () => {
    const { declared, live } = declaredAndLive(['public', 'S3CRET'], ['S3CRET', 'public'], ['list[1]']);
    maskPaths(live, declared.sensitivePaths);
    expect(live.list).toEqual([sensitive, sensitive]);
  });

  it('the rest of the path is masked in every element: reordered, and extra live elements', () => {
    const { declared, live } = declaredAndLive(
      [
        { name: 'a', key: 'k1' },
        { name: 'b', key: 'k2' },
      ],
      [
        { name: 'c', key: 'k3' },
        { name: 'b', key: 'k2' },
        { name: 'a', key: 'k1' },
      ],
      ['list[0].key', 'list[1].key'],
    );
    maskPaths(live, declared.sensitivePaths, declared.attributes);
    expect(live.list).toEqual([
      { name: 'c', key: sensitive },
      { name: 'b', key: maskValue('k2') },
      { name: 'a', key: maskValue('k1') },
    ]);
  });

  it('a live list longer than the declared one has its extra elements masked', () => {
    const { declared, live } = declaredAndLive(['S1'], ['S1', 'S2', 'S3'], ['list[0]']);
    maskPaths(live, declared.sensitivePaths, declared.attributes);
    expect(live.list).toEqual([maskValue('S1'), sensitive, sensitive]);
    expect(JSON.stringify(live)).not.toMatch(/S[123]/);
  });

  it.each([
    ['an object where a list was declared', { key: 'S' }],
    ['a scalar where a list was declared', 'S'],
    ['a list where an object was declared', [{ key: 'S' }]],
  ])('%s: the whole live subtree is masked', (_, liveValue) => {
    const declaredValue = Array.isArray(liveValue) ? { key: 'S' } : [{ key: 'S' }];
    const path = Array.isArray(liveValue) ? 'list.key' : 'list[0].key';
    const { declared, live } = declaredAndLive(declaredValue, liveValue, [path]);
    maskPaths(live, declared.sensitivePaths, declared.attributes);
    expect(live.list).toEqual(sensitive);
  });

  it('a scalar where an object was declared is masked', () => {
    const live: Record<string, Value> = { input: 'plain-secret' };
    maskPaths(live, ['input.value']);
    expect(live.input).toEqual(sensitive);
  });

  it('absent and unknown live values stay as they are', () => {
    const live: Record<string, Value> = { other: 'x', list: { __unknown: true } };
    maskPaths(live, ['missing[0].key', 'list[0]']);
    expect(live).toEqual({ other: 'x', list: { __unknown: true } });
  });
});

describe('keys named like Object.prototype members', () => {
  it('do not crash the walks and mask like any other key', () => {
    const attributes = JSON.parse(
      '{"__proto__": {"password": "p1", "note": "n"}, "constructor": "AKIAIOSFODNN7PLANTED", "toString": {"x": 1},' +
        ' "hasOwnProperty": "plain"}',
    ) as Record<string, Value>;
    const r = masked('aws_x', attributes, { sensitivePaths: ['toString.x', 'valueOf', 'constructor.name'] });
    expect(Object.hasOwn(r.attributes, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(r.attributes, '__proto__')?.value).toEqual({
      password: sensitive,
      note: 'n',
    });
    expect(r.attributes.constructor).toEqual(sensitive);
    expect(r.attributes.toString).toEqual({ x: sensitive });
    expect(r.attributes.hasOwnProperty).toBe('plain');
    // constructor: a string where the path goes on (constructor.name) is masked whole.
    expect(r.sensitivePaths).toEqual(['__proto__.password', 'constructor.name', 'toString.x', 'valueOf']);
  });

  it('a sensitive path naming an inherited member is not found on an object that lacks it', () => {
    const live: Record<string, Value> = { tags: { a: 'b' } };
    maskPaths(live, ['constructor', 'tags.constructor', 'tags.toString', '__proto__']);
    expect(live).toEqual({ tags: { a: 'b' } });
  });

  it('a whole value masked at __proto__ stays an own property', () => {
    const live = JSON.parse('{"__proto__": "S"}') as Record<string, Value>;
    maskPaths(live, ['__proto__']);
    expect(Object.getPrototypeOf(live)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(live, '__proto__')?.value).toEqual(sensitive);
  });

  it('settings types named like members are not found', () => {
    for (const type of ['constructor', '__proto__', 'toString']) {
      expect(masked(type, { a: 'b' }).attributes).toEqual({ a: 'b' });
    }
  });
});

describe('digests', () => {
  it('do not depend on key order', () => {
    expect(maskValue({ a: 1, b: 2 })).toEqual(maskValue({ b: 2, a: 1 }));
    expect(maskValue({ a: 1 })).not.toEqual(maskValue({ a: 2 }));
  });
});

describe('attributes the type catalogue names sensitive are masked whatever they are called', () => {
  it('masks a web app site_credential and domain verification id, names the paths, and leaves the rest', () => {
    const app = resource(
      'azurerm_linux_web_app',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/a',
      {
        name: 'a',
        https_only: true,
        custom_domain_verification_id: 'C8D2E9A1B7F3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D',
        site_credential: [{ name: '$a', password: 'not-a-shaped-secret' }],
      },
    );
    maskSecrets(app);
    expect(isSensitive(app.attributes.custom_domain_verification_id)).toBe(true);
    expect(isSensitive(app.attributes.site_credential)).toBe(true);
    expect(app.attributes.https_only).toBe(true);
    expect(app.sensitivePaths).toEqual(
      expect.arrayContaining(['custom_domain_verification_id', 'site_credential']),
    );
    expect(JSON.stringify(app.attributes)).not.toContain('C8D2E9A1');
  });

  it('leaves an unset sensitive attribute unset', () => {
    const server = resource(
      'azurerm_mssql_server',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/x',
      {
        name: 'x',
        administrator_login_password: null,
      },
    );
    maskSecrets(server);
    expect(server.attributes.administrator_login_password).toBeNull();
    expect(server.sensitivePaths).not.toContain('administrator_login_password');
  });
});
