import { describe, expect, it } from 'vitest';
import { isSecretAttributeName, maskSecrets } from '../../src/model/mask-secrets.js';
import { formatPath, parsePath } from '../../src/model/path.js';
import { jsonErrorOffset } from '../../src/util/json-error-position.js';
import { resource } from '../helpers/resource.js';

describe('attribute paths', () => {
  it.each([
    [['tags', 'env'], 'tags.env'],
    [['rule', 0, 'apply'], 'rule[0].apply'],
    [['tags', 'kubernetes.io/role'], 'tags["kubernetes.io/role"]'],
    [['a', 'with "quote"]'], 'a["with \\"quote\\"]"]'],
  ])('%j <-> %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
    expect(parsePath(text)).toEqual(segments);
  });
});

describe('secret detection by name', () => {
  it.each([
    'password',
    'master_password',
    'secret',
    'client_secret',
    'private_key',
    'primary_access_key',
    'auth_token',
    'token',
    'secret_string',
    'primary_connection_string',
    'sas_url',
    'Password',
  ])('%s is a secret', (name) => expect(isSecretAttributeName(name)).toBe(true));
  it.each([
    'kms_key_id',
    'secret_arn',
    'password_length',
    'shared_access_key_enabled',
    'access_key_id',
    'token_key_id',
    'bucket',
    'key_name',
    'password_reset_required',
    'customer_master_key_spec',
  ])('%s is not', (name) => expect(isSecretAttributeName(name)).toBe(false));
});

describe('maskSecrets', () => {
  it('masks sensitive paths and secret-named attributes at any depth, and records their paths', () => {
    const r = resource(
      'aws_db_instance',
      'db',
      {
        password: 'hunter2',
        settings: { note: 'plain', api_key: 'k-123' },
        list: [{ value: 'v' }],
        empty_secret: '',
      },
      'declared',
      { sensitivePaths: ['list[0].value'] },
    );
    maskSecrets(r);
    expect(JSON.stringify(r)).not.toMatch(/hunter2|k-123|"v"/);
    expect(r.attributes.settings).toMatchObject({ note: 'plain' });
    expect(r.sensitivePaths).toEqual(['list[0].value', 'password', 'settings.api_key']);
    expect(r.attributes.empty_secret).toBe('');
  });

  it('gives equal secrets equal digests within a process, and different secrets different ones', () => {
    const a = resource('aws_x', 'a', { password: 'one' });
    const b = resource('aws_x', 'b', { password: 'one' });
    const c = resource('aws_x', 'c', { password: 'two' });
    for (const r of [a, b, c]) maskSecrets(r);
    expect(a.attributes.password).toEqual(b.attributes.password);
    expect(a.attributes.password).not.toEqual(c.attributes.password);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['{"a": "x\u0001"}', 8],
    ['{"a": 1} x', 9],
  ])('%j -> %i', (text, offset) => expect(jsonErrorOffset(text)).toBe(offset));
});
