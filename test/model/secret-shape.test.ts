import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/model/mask-secrets.js';
import {
  METADATA_SUFFIXES,
  SECRET_KINDS,
  SECRET_PAIRS,
  SECRET_WORDS,
} from '../../src/model/secret-patterns.js';
import { isOpaqueLiteral, secretShapeOf } from '../../src/model/secret-shape.js';
import { resource as declared } from '../helpers/resource.js';

const KEY_ID = `AKIA${'PL4NTEDEXAMPLE00'}`;

describe('secretShapeOf', () => {
  it.each([
    [KEY_ID, 'aws-access-key-id'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpl4nted\n-----END RSA PRIVATE KEY-----', 'private-key'],
    ['Server=db;Database=app;User Id=app;Password=Pl4nted-Pw;', 'connection-string'],
    ['DefaultEndpointsProtocol=https;AccountName=app;AccountKey=cGw0bnRlZA==;', 'connection-string'],
    [`ghp_${'a'.repeat(36)}`, 'github-token'],
    ['github_pat_11ABCDEFG0pl4nted_0123456789abcdef', 'github-token'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbDRudGVkIn0.c2lnbmF0dXJl', 'json-web-token'],
    ['Bearer pl4ntedBearerToken0123456789', 'bearer-token'],
    ['postgres://app:Pl4nted@db.internal:5432/app', 'url-credentials'],
    ['#!/bin/bash\nexport DB_PASSWORD=Pl4nted-Pw\n', 'secret-assignment'],
    ['{"api_key": "pl4nted-api-key"}', 'secret-entry'],
    ['Pl4nted-DB-Passw0rd!', 'opaque-literal'],
    [
      Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`).toString('base64'),
      'aws-access-key-id',
    ],
  ])('%s is %s', (value, shape) => {
    expect(secretShapeOf(value)).toBe(shape);
  });

  it.each([
    ['', 'empty'],
    ['true', 'a flag'],
    ['12345678', 'digits only'],
    ['postgres', 'one class'],
    ['changeme', 'a placeholder'],
    ['CHANGE_ME', 'a placeholder in upper case'],
    ['********', 'a mask'],
    ['<your-password>', 'a placeholder in brackets'],
    ['/prod/db/Password-1', 'an SSM parameter name'],
    ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbC123', 'an ARN'],
    ['${aws_secretsmanager_secret.db.arn}', 'an interpolation'],
    ['{{resolve:secretsmanager:db:SecretString:password}}', 'a CloudFormation dynamic reference'],
    ['@Microsoft.KeyVault(SecretUri=https://app.vault.azure.net/secrets/db/)', 'a Key Vault reference'],
    ['@Microsoft.KeyVault(VaultName=app;SecretName=db)', 'a Key Vault reference by name'],
    ['https://api.example.com/v1', 'a plain URL'],
    ['Pl4nted Passw0rd with spaces', 'a sentence'],
  ])('%s (%s) has no shape', (value) => {
    expect(secretShapeOf(value)).toBeUndefined();
  });

  it('is linear on long hostile input', () => {
    const started = performance.now();
    secretShapeOf(`${'A'.repeat(60_000)}!`);
    secretShapeOf(`${'\n'.repeat(60_000)}!`);
    isOpaqueLiteral('a1!'.repeat(1_300));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('the mask keeps the shape, never the value', () => {
  it('a Lambda environment: each variable masked with its shape', () => {
    const resource = declared('aws_lambda_function', 'api', {
      function_name: 'api',
      environment: [{ variables: { DB_PASSWORD: 'Pl4nted-DB-Passw0rd!', LOG_LEVEL: 'info', KEY: KEY_ID } }],
    });
    maskSecrets(resource);
    const variables = (resource.attributes.environment as { variables: Record<string, unknown> }[])[0]
      ?.variables;
    expect(variables?.DB_PASSWORD).toEqual({ __sensitive: expect.any(String), shape: 'opaque-literal' });
    expect(variables?.KEY).toEqual({ __sensitive: expect.any(String), shape: 'aws-access-key-id' });
    expect(variables?.LOG_LEVEL).toEqual({ __sensitive: expect.any(String) });
    expect(JSON.stringify(resource)).not.toContain('Pl4nted');
    expect(JSON.stringify(resource)).not.toContain(KEY_ID);
  });
});

describe('policies/lib/secrets.rego keeps the masker lists in step', () => {
  const rego = readFileSync(join(import.meta.dirname, '../../policies/lib/secrets.rego'), 'utf8');
  const setOf = (name: string) => {
    const body = new RegExp(`^${name} := \\{([^}]*)\\}`, 'm').exec(rego)?.[1] ?? '';
    return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
  };

  it('the kinds', () => {
    const body = /^kinds := \{([^}]*)\}/m.exec(rego)?.[1] ?? '';
    expect([...body.matchAll(/"([^"]+)":/g)].map((m) => m[1]).sort()).toEqual(
      [...SECRET_KINDS, 'opaque-literal'].sort(),
    );
  });

  it('the name words', () => {
    expect(setOf('secret_words')).toEqual([...SECRET_WORDS].sort());
    expect(setOf('secret_pairs')).toEqual([...SECRET_PAIRS].sort());
    expect(setOf('metadata_suffixes')).toEqual([...METADATA_SUFFIXES].sort());
  });
});
