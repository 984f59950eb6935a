import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_wafv2_web_acl, from AWS::WAFv2::WebACL. The state's `id` is the web ACL's id; the Terraform import id is
 * `ID/Name/Scope` (hashicorp/terraform-provider-aws website/docs/r/wafv2_web_acl.html.markdown, "Import":
 * `a1b2c3d4-.../example/REGIONAL`), and that is the key. The scope is in the web ACL's ARN:
 * `arn:aws:wafv2:<region>:<account>:global/webacl/<name>/<id>` for CLOUDFRONT, `.../regional/webacl/...` for REGIONAL.
 *
 * AWS Config: awslabs/aws-config-resource-schema `AWS::WAFv2::WebACL.properties.json` (the WAFv2 API's GetWebACL
 * shape: configuration.id, name, description, capacity, defaultAction, visibilityConfig{cloudWatchMetricsEnabled,
 * metricName, sampledRequestsEnabled}; the same shape's `rules`, not indexed for queries, are read as GetWebACL
 * returns them). Config records WAFv2 in every region where it is offered (the developer guide's
 * resource-config-reference), but a CLOUDFRONT-scope web ACL exists only in us-east-1 (the provider's `scope`: "To
 * work with CloudFront, you must also specify the region us-east-1"): in any other region the REGIONAL ones listed
 * are compared and a declared CLOUDFRONT one is not compared (`partlyInHomeRegion`), never missing.
 *
 * Compared: name, description, scope, the default action, the web ACL's visibility_config, token_domains, tags,
 * and each rule's name, priority, action (or override_action, for a rule group) and visibility_config. Terraform
 * holds an action as empty blocks (`allow {}`), which normalisation would prune to nothing: `canonicalise` holds
 * each as the name of the block chosen (`allow`, `block`, `count`, `captcha`, `challenge`; `count` or `none` for
 * override_action) and orders the rules by priority (Terraform's `rule` is a set; priorities are unique). Not
 * compared: the rules' statements (up to three levels of nested match, rate, managed and rule-group statements:
 * canonicalise leaves them out on every side), rule labels, the actions' custom request handling and responses,
 * custom_response_body, captcha_config, challenge_config, association_config and data_protection_config.
 *
 * CloudFormation: AWS::WAFv2::WebACL (Name, generated when left out; Scope; DefaultAction{Allow|Block}; Rules with
 * Action{Allow|Block|Count|Captcha|Challenge} or OverrideAction{Count|None}; VisibilityConfig; TokenDomains; Tags).
 */
const ACTIONS = ['allow', 'block', 'count', 'captcha', 'challenge', 'none'] as const;

/** The action block chosen: a name kept, or the first block of Terraform's list (`[{allow: [{}], block: []}]`). */
function chosen(value: Value | undefined): Value | undefined {
  if (value === undefined || value === null || typeof value === 'string' || isUnknown(value)) return value;
  const block = Array.isArray(value) ? value[0] : value;
  if (block === undefined) return null;
  if (!isPlainObject(block) || isUnknown(block)) return block;
  return ACTIONS.find((name) => Array.isArray(block[name]) && (block[name] as Value[]).length > 0) ?? null;
}

/** A rule as compared: what maps cleanly from every source, nothing of its statement. */
function comparedRule(rule: Value): Value {
  if (!isPlainObject(rule) || isUnknown(rule)) return rule;
  const out: Attributes = {};
  for (const key of ['name', 'priority', 'visibility_config'] as const) put(out, key, rule[key]);
  put(out, 'action', chosen(rule.action));
  put(out, 'override_action', chosen(rule.override_action));
  return out;
}

function byPriority(a: Value, b: Value): number {
  const priority = (rule: Value) =>
    isPlainObject(rule) && typeof rule.priority === 'number' ? rule.priority : Number.MAX_SAFE_INTEGER;
  return priority(a) - priority(b);
}

const visibility = {
  cloudwatch_metrics_enabled: s.boolean,
  metric_name: s.string,
  sampled_requests_enabled: s.boolean,
};

// --- CloudFormation ------------------------------------------------------------------------------------------------

/** `{Allow: {}}` -> `allow`: the one action key CloudFormation's action object holds. */
function cfnAction(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value) || !isPlainObject(value)) return value;
  const key = Object.keys(value)[0];
  return key === undefined ? null : key.toLowerCase();
}

const cfnVisibility = cfn.block((config) => [
  cfn.fields(config, {
    cloudwatch_metrics_enabled: ['CloudWatchMetricsEnabled', cfn.bool],
    metric_name: 'MetricName',
    sampled_requests_enabled: ['SampledRequestsEnabled', cfn.bool],
  }),
]);

function cfnRule(rule: Value): Value {
  return cfn.fields(rule, {
    name: 'Name',
    priority: ['Priority', cfn.num],
    action: (r) => cfnAction(cfn.field(r, 'Action')) ?? null,
    override_action: (r) => cfnAction(cfn.field(r, 'OverrideAction')) ?? null,
    visibility_config: ['VisibilityConfig', cfnVisibility],
  });
}

const fromProperties = cfn.fromSpec({
  name: cfn.name('Name'),
  description: 'Description',
  scope: 'Scope',
  default_action: ['DefaultAction', cfnAction],
  visibility_config: ['VisibilityConfig', cfnVisibility],
  rule: (p) => cfn.eachOf(cfn.field(p, 'Rules'), cfnRule),
  token_domains: 'TokenDomains',
  tags: ['Tags', cfn.tags],
});

// --- The type ------------------------------------------------------------------------------------------------------

export const wafv2WebAcl = defineType({
  type: 'aws_wafv2_web_acl',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    description: s.string,
    scope: s.string,
    arn: s.string,
    capacity: s.number,
    default_action: s.string,
    visibility_config: s.blocks(visibility),
    rule: s.blocks({
      name: s.string,
      priority: s.number,
      action: s.string,
      override_action: s.string,
      visibility_config: s.blocks(visibility),
    }),
    token_domains: s.strings,
    tags: s.tags,
  }),
  sets: ['token_domains'],
  computed: ['arn', 'capacity', 'lock_token', 'application_integration_url'],
  id: {
    attribute: 'id',
    importId: (attributes) => importId(attributes.id, attributes.name, attributes.scope),
    caseInsensitive: false,
  },
  canonicalise(attributes) {
    if (Object.hasOwn(attributes, 'default_action'))
      attributes.default_action = chosen(attributes.default_action) ?? null;
    const rules = attributes.rule;
    if (Array.isArray(rules)) attributes.rule = rules.map(comparedRule).sort(byPriority);
  },
  sources: {
    awsConfig: {
      type: 'AWS::WAFv2::WebACL',
      partlyInHomeRegion: {
        region: 'us-east-1',
        objects: 'CLOUDFRONT-scope web ACLs',
        holds: (id) => id.endsWith('/CLOUDFRONT'),
      },
      map: fromConfigItem,
    },
    cloudFormation: {
      type: 'AWS::WAFv2::WebACL',
      map: cfn.withTemplateDefaults(fromProperties, { description: null, rule: [], token_domains: null }),
    },
  },
});

function importId(
  id: Value | undefined,
  name: Value | undefined,
  scope: Value | undefined,
): string | undefined {
  const parts = [text(id), text(name), text(scope)];
  return parts.every((part) => part !== undefined) ? parts.join('/') : undefined;
}

// --- AWS Config ----------------------------------------------------------------------------------------------------

/** `{block: {}}` -> `block`: the action key GetWebACL's action object holds. */
function configAction(value: unknown): Value | undefined {
  if (value === undefined) return undefined;
  const action = record(value);
  if (!action) return value === null ? null : undefined;
  return ACTIONS.find((name) => Object.hasOwn(action, name)) ?? null;
}

function configVisibility(value: unknown): Value | undefined {
  const config = record(value);
  if (!config) return undefined;
  const out: Attributes = {};
  put(out, 'cloudwatch_metrics_enabled', config.cloudWatchMetricsEnabled);
  put(out, 'metric_name', config.metricName);
  put(out, 'sampled_requests_enabled', config.sampledRequestsEnabled);
  return [out];
}

function configRule(raw: unknown): Value {
  const rule = record(raw) ?? {};
  const out: Attributes = {};
  put(out, 'name', rule.name);
  put(out, 'priority', rule.priority);
  out.action = configAction(rule.action) ?? null;
  out.override_action = configAction(rule.overrideAction) ?? null;
  put(out, 'visibility_config', configVisibility(rule.visibilityConfig));
  return out;
}

/** CLOUDFRONT or REGIONAL, from the ARN's resource part (`global/webacl/...` or `regional/webacl/...`). */
function scopeOf(arn: string | undefined): string | undefined {
  const resource = arn?.split(':').slice(5).join(':');
  if (resource?.startsWith('global/')) return 'CLOUDFRONT';
  if (resource?.startsWith('regional/')) return 'REGIONAL';
  return undefined;
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = text(item.arn) ?? text(c.arn) ?? text(c.resourceARN);
  const attributes: Attributes = {};
  put(attributes, 'name', text(c.name) ?? item.resourceName);
  put(attributes, 'description', c.description);
  put(attributes, 'scope', scopeOf(arn));
  put(attributes, 'arn', arn);
  put(attributes, 'capacity', c.capacity);
  put(attributes, 'default_action', configAction(c.defaultAction));
  put(attributes, 'visibility_config', configVisibility(c.visibilityConfig));
  if (Array.isArray(c.rules)) attributes.rule = c.rules.map(configRule);
  put(attributes, 'token_domains', c.tokenDomains);
  put(attributes, 'tags', item.tags);
  const id = importId(text(c.id), attributes.name, attributes.scope) ?? item.resourceId;
  return { id, attributes };
}
