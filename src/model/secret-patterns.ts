/**
 * What a secret looks like, whatever it is called: attribute names that say so, values shaped like credentials,
 * and the settings maps (environment variables, app settings) whose values are secrets by default.
 *
 * Every regex here runs on untrusted text of any size, so each is linear: no nested quantifiers, a lookbehind
 * that lets a match start only at the beginning of a run of its characters, and a bound on every quantifier that
 * can fail after scanning (an unterminated quote). Multi-line private keys are found by a forward scan instead.
 */

// --- Names --------------------------------------------------------------------------------------------------------

/** policies/lib/secrets.rego keeps the same words (secret_words, secret_pairs, metadata_suffixes): keep them in step. */
export const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'passphrase',
  'credential',
  'credentials',
]);
export const SECRET_PAIRS = [
  'private_key',
  'access_key',
  'secret_key',
  'api_key',
  'account_key',
  'shared_key',
  'connection_string',
  'sas_url',
  'sas_token',
  'auth_key',
  'master_key',
];
/** Suffixes that name metadata about a secret rather than the secret itself. */
export const METADATA_SUFFIXES = new Set([
  'arn',
  'spec',
  'usage',
  'source',
  'state',
  'arns',
  'id',
  'ids',
  'name',
  'names',
  'enabled',
  'type',
  'length',
  'required',
  'version',
  'count',
  'days',
  'prevention',
  'age',
  'policy',
  'rotation',
  'expiration',
  'ttl',
  'duration',
  'permissions',
]);
/** Keys of connection strings and query strings, compared lower-case and whole. */
const CONNECTION_KEYS = new Set([
  'pwd',
  'sig',
  'accountkey',
  'sharedaccesskey',
  'sharedaccesssignature',
  'accesskey',
  'secretkey',
]);

const nameCache = new Map<string, boolean>();

/** Attribute names repeat across an estate, so answers are cached: this runs on every key of every resource. */
export function isSecretAttributeName(name: string): boolean {
  let answer = nameCache.get(name);
  if (answer === undefined) {
    answer = classifyName(name);
    if (nameCache.size < 100_000) nameCache.set(name, answer);
  }
  return answer;
}

/**
 * snake_case, kebab-case, dotted and camelCase names alike: `MasterUserPassword` is `master_user_password`. A
 * namespaced name (an IAM condition key, `token.actions.githubusercontent.com:sub`) is judged by its own part, after
 * the last `:`: the namespace is a service or an issuer's host, which says nothing of the value.
 */
function classifyName(qualified: string): boolean {
  const name = qualified.slice(qualified.lastIndexOf(':') + 1);
  const lower = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-. ]/g, '_');
  const words = lower.split('_');
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && METADATA_SUFFIXES.has(last)) return false;
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return SECRET_PAIRS.some(
    (pair) =>
      lower === pair ||
      lower.endsWith(`_${pair}`) ||
      lower.startsWith(`${pair}_`) ||
      lower.includes(`_${pair}_`),
  );
}

function isSecretKeyName(name: string): boolean {
  return isSecretAttributeName(name) || CONNECTION_KEYS.has(name.toLowerCase());
}

// --- Values -------------------------------------------------------------------------------------------------------

/**
 * What a masked value was recognised as, kept on its mask (`SensitiveValue.shape`) so that the secrets rules can
 * judge a value none of them ever sees. policies/lib/secrets.rego lists the same kinds, with what each is called in
 * a finding: keep the two lists in step (test/model/secret-shape.test.ts compares them). `connection-string` is a
 * `key=value` entry whose key is a connection-string key (`Password=`, `AccountKey=`, `Pwd=`, `SharedAccessKey=`,
 * `sig=`), `secret-assignment` any other `key=value` whose key names a secret (`DB_PASSWORD=...`), `secret-entry`
 * a JSON member, YAML entry or XML element whose key names a secret.
 */
export const SECRET_KINDS = [
  'aws-access-key-id',
  'aws-secret-access-key',
  'private-key',
  'github-token',
  'slack-token',
  'json-web-token',
  'bearer-token',
  'url-credentials',
  'connection-string',
  'secret-assignment',
  'secret-entry',
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * A secret inside a text: group 1 is context that is kept (a key and its `=`), the rest of the match is the secret.
 * `named` patterns capture the key in group 2, and match only when that key names a secret. `hint` is a cheap test
 * that must hold for the pattern to match at all, so that most strings cost a few `includes`.
 */
interface TextPattern {
  name: string;
  kind: SecretKind;
  regex: RegExp;
  hint: (text: string) => boolean;
  named?: true;
}

const AWS_ACCESS_KEY_ID = /()(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** The 40 characters of an AWS secret access key, found within this many characters after an access key id. */
const AWS_SECRET_KEY = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/;
const AWS_SECRET_KEY_WINDOW = 120;
const QUOTED_OR_BARE = `(?:"[^"\\r\\n]{0,1024}"|'[^'\\r\\n]{0,1024}'|["']?[^\\s;&,"'{}\\[\\]]+)`;
const KEY = '[A-Za-z][A-Za-z0-9_.-]{0,63}';

const TEXT_PATTERNS: readonly TextPattern[] = [
  {
    name: 'AWS access key id',
    kind: 'aws-access-key-id',
    regex: AWS_ACCESS_KEY_ID,
    hint: (t) => t.includes('AKIA') || t.includes('ASIA'),
  },
  {
    name: 'GitHub token',
    kind: 'github-token',
    regex: /()(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
    // `github_pat_` holds no `gh`.
    hint: (t) => (t.includes('gh') || t.includes('github_pat_')) && t.includes('_'),
  },
  {
    name: 'Slack token',
    kind: 'slack-token',
    regex: /()(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/g,
    hint: (t) => t.includes('xox'),
  },
  {
    name: 'JSON web token',
    kind: 'json-web-token',
    regex: /()(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g,
    hint: (t) => t.includes('eyJ'),
  },
  {
    name: 'bearer token',
    kind: 'bearer-token',
    regex: /((?<![A-Za-z0-9])bearer[ \t]{1,8})[A-Za-z0-9\-._~+/]{16,}=*/gi,
    hint: (t) => /bearer/i.test(t),
  },
  {
    name: 'URL credentials',
    kind: 'url-credentials',
    regex:
      /((?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/?#@:"'<>]{0,256}:)[^\s/?#@"'<>]{1,256}(?=@)/g,
    hint: (t) => t.includes('://') && t.includes('@'),
  },
  {
    name: 'key=value',
    kind: 'secret-assignment',
    regex: new RegExp(`((?<![A-Za-z0-9_.-])(${KEY})[ \\t]{0,4}=[ \\t]{0,4})${QUOTED_OR_BARE}`, 'g'),
    hint: (t) => t.includes('='),
    named: true,
  },
  {
    name: 'JSON member',
    kind: 'secret-entry',
    regex: new RegExp(
      `("(${KEY})"[ \\t]{0,8}:[ \\t]{0,8})(?:"(?:[^"\\\\\\r\\n]|\\\\.){0,4096}"|[^\\s,{}\\[\\]"]+)`,
      'g',
    ),
    hint: (t) => t.includes('"'),
    named: true,
  },
  {
    name: 'YAML entry',
    kind: 'secret-entry',
    regex: new RegExp(
      `^([ \\t]{0,32}(?:-[ \\t]{1,4})?(${KEY})[ \\t]{0,4}:[ \\t]{1,8})[^\\s#][^\\r\\n#]*`,
      'gm',
    ),
    hint: (t) => t.includes(': ') || t.includes(':\t'),
    named: true,
  },
  {
    name: 'XML element',
    kind: 'secret-entry',
    regex: new RegExp(`(<(${KEY})>)[^<\\r\\n]{1,4096}(?=<)`, 'g'),
    hint: (t) => t.includes('</'),
    named: true,
  },
];

const PRIVATE_KEY_BEGIN = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
const PRIVATE_KEY_END = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
const PRIVATE_KEY_BODY = /[A-Za-z0-9+/=\s]*/y;
/** Every name isSecretKeyName accepts contains one of these: a text without any has no named secret. */
const SECRET_NAME_HINT = /pass|secret|token|credential|key|connection|sas|pwd|sig/i;
const TRIVIAL_VALUES = new Set(['', '""', "''", 'null', 'true', 'false', '[]', '{}']);

interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

/**
 * Holds when any pattern's hint (or the private key's marker) may hold: one of the substrings they look for. Tested
 * once, where each hint would be tested in turn: 91% of an estate's strings hold none (a 100k scan tests millions).
 * The `i` flag is spelt out for `bearer` alone, as that hint is case-insensitive; without the `u` flag, only ASCII
 * letters fold to ASCII letters.
 */
const ANY_HINT =
  /AKIA|ASIA|gh|github_pat_|xox|eyJ|[Bb][Ee][Aa][Rr][Ee][Rr]|:\/\/|=|"|:[ \t]|<\/|PRIVATE KEY-----/;

/** The hints a text passes through before secretSpans looks further, for the test that ANY_HINT covers them all. */
export const SECRET_HINTS: readonly ((text: string) => boolean)[] = [
  (text) => text.includes('PRIVATE KEY-----'),
  ...TEXT_PATTERNS.map((pattern) => pattern.hint),
];

export function mayHoldSecret(text: string): boolean {
  return ANY_HINT.test(text);
}

/** Where the secrets in a text are, in order; `first` stops at the first one found. */
function secretSpans(text: string, first: boolean): Span[] {
  if (!ANY_HINT.test(text)) return [];
  const spans: Span[] = [];
  privateKeySpans(text, spans);
  if (first && spans.length > 0) return spans;
  let namesASecret: boolean | undefined;
  for (const pattern of TEXT_PATTERNS) {
    if (!pattern.hint(text)) continue;
    if (pattern.named) {
      namesASecret ??= SECRET_NAME_HINT.test(text);
      if (!namesASecret) continue;
    }
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) {
      if (pattern.named && !isSecretKeyName(match[2] ?? '')) continue;
      const start = match.index + (match[1] ?? '').length;
      const end = match.index + match[0].length;
      const value = text.slice(start, end).trim();
      if (TRIVIAL_VALUES.has(value) || (pattern.named && isExpansion(value))) continue;
      spans.push({ start, end, kind: kindOf(pattern, match[2], text) });
      if (pattern.regex === AWS_ACCESS_KEY_ID) awsSecretKeyNear(text, end, spans);
      if (first) return spans;
    }
  }
  return spans;
}

/**
 * `DB_PASSWORD=$(aws secretsmanager ...)`, `"${var.password}"`, `{{resolve:...}}`: the entry reads its secret from
 * elsewhere at run time, which is the fix, not a secret.
 */
function isExpansion(value: string): boolean {
  const bare = value.startsWith('"') || value.startsWith("'") ? value.slice(1) : value;
  return bare.startsWith('$') || bare.startsWith('%{') || bare.startsWith('{{');
}

/** A private key runs from its BEGIN line to its END line, or while the text looks like base64 when it has none. */
function privateKeySpans(text: string, spans: Span[]): void {
  if (!text.includes('PRIVATE KEY-----')) return;
  PRIVATE_KEY_BEGIN.lastIndex = 0;
  let endSearchFailedFrom = Number.POSITIVE_INFINITY;
  for (let begin = PRIVATE_KEY_BEGIN.exec(text); begin; begin = PRIVATE_KEY_BEGIN.exec(text)) {
    const bodyStart = begin.index + begin[0].length;
    let end: number | undefined;
    if (bodyStart < endSearchFailedFrom) {
      PRIVATE_KEY_END.lastIndex = bodyStart;
      const found = PRIVATE_KEY_END.exec(text);
      if (found) end = found.index + found[0].length;
      else endSearchFailedFrom = bodyStart;
    }
    if (end === undefined) {
      PRIVATE_KEY_BODY.lastIndex = bodyStart;
      PRIVATE_KEY_BODY.exec(text);
      end = PRIVATE_KEY_BODY.lastIndex;
    }
    spans.push({ start: begin.index, end, kind: 'private-key' });
    PRIVATE_KEY_BEGIN.lastIndex = Math.max(end, bodyStart);
  }
}

function awsSecretKeyNear(text: string, from: number, spans: Span[]): void {
  const window = text.slice(from, from + AWS_SECRET_KEY_WINDOW);
  const match = AWS_SECRET_KEY.exec(window);
  if (match)
    spans.push({
      start: from + match.index,
      end: from + match.index + match[0].length,
      kind: 'aws-secret-access-key',
    });
}

/** `Password=` is a connection string's only where entries are `;`-separated (ADO.NET, ODBC, JDBC properties). */
function kindOf(pattern: TextPattern, key: string | undefined, text: string): SecretKind {
  if (pattern.kind !== 'secret-assignment') return pattern.kind;
  const name = key?.toLowerCase() ?? '';
  if (CONNECTION_KEYS.has(name) || (name === 'password' && text.includes(';'))) return 'connection-string';
  return pattern.kind;
}

/** The kind of the first credential-shaped part of the text, if it has one. */
export function secretKindOf(text: string): SecretKind | undefined {
  return secretSpans(text, true)[0]?.kind;
}

/** True when the text holds something shaped like a credential; such an attribute value is masked whole. */
export function containsSecret(text: string): boolean {
  return secretSpans(text, true).length > 0;
}

export const REDACTED = '(redacted)';

/**
 * Free text (error messages, diagnostics, logs) with every secret-shaped part replaced by "(redacted)". The
 * context around a secret is kept: `Password=(redacted)`, `https://user:(redacted)@host`.
 */
export function redactSecretText(text: string): string {
  const spans = secretSpans(text, false);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start >= at) out += text.slice(at, span.start) + REDACTED;
    at = Math.max(at, span.end);
  }
  return out + text.slice(at);
}

export function isAwsAccessKeyId(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 20) return false;
  AWS_ACCESS_KEY_ID.lastIndex = 0;
  return AWS_ACCESS_KEY_ID.test(value);
}

/** A value shaped like an AWS secret access key: masked when an access key id sits beside it. */
export function isAwsSecretKeyShaped(value: unknown): boolean {
  return typeof value === 'string' && value.length === 40 && AWS_SECRET_KEY.test(value);
}

// --- Settings maps ------------------------------------------------------------------------------------------------

/**
 * A path pattern, in Terraform's path syntax with `*` for any key or index (`environment[*].variables.*`), or a
 * JSON document held in a string attribute (ECS `container_definitions`) with patterns inside the document.
 */
export type SettingPattern = string | { json: string; inside: readonly string[] };

const APP_SERVICE = ['app_settings.*', 'connection_string[*].value'];
const CONTAINER_APP = ['template[*].container[*].env[*].value', 'template[*].init_container[*].env[*].value'];
const CONTAINER_DEFINITION = ['environment[*].value', 'secrets[*].valueFrom'];
const inEach = (prefix: string, paths: readonly string[]) => paths.map((path) => `${prefix}.${path}`);

/**
 * Environment variables and application settings hold secrets under any name (`STRIPE_KEY`), so their values are
 * sensitive by default: a change shows only that they changed. Keys are canonical types, and `*` holds the raw
 * CloudFormation, ARM and API shapes, for resources that reach the model unmapped (compared case-insensitively, as
 * ARM does). A candidate for the per-type catalogue.
 */
export const SENSITIVE_SETTINGS: Readonly<Record<string, readonly SettingPattern[]>> = {
  aws_lambda_function: ['environment[*].variables.*'],
  aws_ecs_task_definition: [{ json: 'container_definitions', inside: inEach('[*]', CONTAINER_DEFINITION) }],
  aws_batch_job_definition: [
    { json: 'container_properties', inside: CONTAINER_DEFINITION },
    {
      json: 'node_properties',
      inside: [
        ...inEach('nodeRangeProperties[*].container', CONTAINER_DEFINITION),
        ...inEach(
          'nodeRangeProperties[*].ecsProperties.taskProperties[*].containers[*]',
          CONTAINER_DEFINITION,
        ),
      ],
    },
    { json: 'ecs_properties', inside: inEach('taskProperties[*].containers[*]', CONTAINER_DEFINITION) },
    'eks_properties[*].pod_properties[*].containers[*].env[*].value',
    'eks_properties[*].pod_properties[*].init_containers[*].env[*].value',
  ],
  aws_codebuild_project: ['environment[*].environment_variable[*].value'],
  aws_apprunner_service: [
    'source_configuration[*].image_repository[*].image_configuration[*].runtime_environment_variables.*',
    'source_configuration[*].code_repository[*].code_configuration[*].code_configuration_values[*].runtime_environment_variables.*',
  ],
  aws_sagemaker_model: ['primary_container[*].environment.*', 'container[*].environment.*'],
  aws_amplify_app: ['environment_variables.*'],
  aws_amplify_branch: ['environment_variables.*'],
  azurerm_linux_web_app: APP_SERVICE,
  azurerm_windows_web_app: APP_SERVICE,
  azurerm_linux_function_app: APP_SERVICE,
  azurerm_windows_function_app: APP_SERVICE,
  azurerm_app_service: APP_SERVICE,
  azurerm_function_app: APP_SERVICE,
  azurerm_linux_web_app_slot: APP_SERVICE,
  azurerm_windows_web_app_slot: APP_SERVICE,
  azurerm_linux_function_app_slot: APP_SERVICE,
  azurerm_windows_function_app_slot: APP_SERVICE,
  azurerm_app_service_slot: APP_SERVICE,
  azurerm_function_app_slot: APP_SERVICE,
  azurerm_logic_app_standard: APP_SERVICE,
  azurerm_static_web_app: ['app_settings.*'],
  azurerm_container_app: CONTAINER_APP,
  azurerm_container_app_job: CONTAINER_APP,
  azurerm_container_group: [
    'container[*].environment_variables.*',
    'container[*].secure_environment_variables.*',
    'init_container[*].environment_variables.*',
    'init_container[*].secure_environment_variables.*',
  ],
  '*': [
    'Environment.Variables.*',
    'Environment.EnvironmentVariables[*].Value',
    'ContainerDefinitions[*].Environment[*].Value',
    'ContainerProperties.Environment[*].Value',
    'properties.siteConfig.appSettings[*].value',
    'siteConfig.appSettings[*].value',
    'properties.siteConfig.connectionStrings[*].connectionString',
    'properties.template.containers[*].env[*].value',
    'template.containers[*].env[*].value',
    'properties.containers[*].properties.environmentVariables[*].value',
    'properties.containers[*].properties.environmentVariables[*].secureValue',
  ],
};

/** A pattern as lower-case segments, `*` matching any key or index. */
export interface CompiledSetting {
  segments: readonly string[];
  /** Set when the value at the path is a JSON document (or its parsed form): the patterns inside it. */
  inside?: readonly CompiledSetting[];
}

export const ANY = '*';
const compiledByType = new Map<string, readonly CompiledSetting[]>();

/** The patterns for one type, its own and the raw shapes', compiled once per type. */
export function sensitiveSettingsOf(type: string): readonly CompiledSetting[] {
  let compiled = compiledByType.get(type);
  if (!compiled) {
    const own = Object.hasOwn(SENSITIVE_SETTINGS, type) ? (SENSITIVE_SETTINGS[type] ?? []) : [];
    compiled = [...own, ...(SENSITIVE_SETTINGS['*'] ?? [])].map(compileSetting);
    if (compiledByType.size < 10_000) compiledByType.set(type, compiled);
  }
  return compiled;
}

function compileSetting(pattern: SettingPattern): CompiledSetting {
  if (typeof pattern === 'string') return { segments: patternSegments(pattern) };
  return {
    segments: patternSegments(pattern.json),
    inside: pattern.inside.map((inner) => ({ segments: patternSegments(inner) })),
  };
}

function patternSegments(pattern: string): string[] {
  return pattern
    .replaceAll('[*]', '.*')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => segment.toLowerCase());
}
