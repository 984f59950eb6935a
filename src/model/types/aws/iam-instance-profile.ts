import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_iam_instance_profile, from AWS::IAM::InstanceProfile, keyed by its name: the Terraform import id and the
 * state's `id` (hashicorp/terraform-provider-aws website/docs/r/iam_instance_profile.html.markdown, "Import"; the
 * provider's resourceInstanceProfileCreate sets the id to InstanceProfileName). `role` is the one role of the
 * profile (the provider reads Roles[0].RoleName); `arn` and `unique_id` (the AIPA... profile id) are computed.
 *
 * AWS Config: AWS::IAM::InstanceProfile is one of the global IAM types onboarded after February 2022, recorded only
 * in IAM's home region, us-east-1 (the RecordingGroup API reference: "Global resource types onboarded to Config
 * recording after February 2022 will be recorded only in the service's home Region"); not the IAM bundle that
 * `includeGlobalResourceTypes` switches on. awslabs/aws-config-resource-schema has no file for this type (its issue
 * #41), so the item's shape is not documented there: the mapping reads the CloudFormation registry's Properties
 * (InstanceProfileName, Path, Roles, Arn: the registry schema, whose primary identifier, InstanceProfileName, is
 * then the resourceId) and, where an item carries the IAM API's GetInstanceProfile shape instead, that
 * (instanceProfileName, path, roles[].roleName, arn, instanceProfileId). What neither carries stays unknown.
 *
 * CloudFormation: AWS::IAM::InstanceProfile (`InstanceProfileName`, generated when left out; `Path`, `/` when left
 * out; `Roles`, a list of one role name). The registry marks the type untaggable: templates carry no tags.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('InstanceProfileName'),
  path: cfn.or('Path', '/'),
  role: (p) => {
    const roles = cfn.field(p, 'Roles');
    return Array.isArray(roles) ? (roles[0] ?? null) : roles;
  },
});

export const iamInstanceProfile = defineType({
  type: 'aws_iam_instance_profile',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    path: s.string,
    role: s.string,
    arn: s.string,
    unique_id: s.string,
    tags: s.tags,
  }),
  computed: ['arn', 'unique_id', 'create_date'],
  // "path - (Optional, default "/")": the provider's aws_iam_instance_profile documentation.
  defaults: { path: '/' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::IAM::InstanceProfile', homeRegion: 'us-east-1', map: fromConfigItem },
    cloudFormation: { type: 'AWS::IAM::InstanceProfile', map: fromProperties },
  },
});

/** The first role's name: a name (the registry's Roles) or a role object (the IAM API's roles). */
function firstRole(roles: unknown): Value | undefined {
  if (!Array.isArray(roles)) return undefined;
  if (roles.length === 0) return null;
  const role: unknown = roles[0];
  return typeof role === 'string' ? role : text(record(role)?.roleName ?? record(role)?.RoleName);
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name =
    text(c.InstanceProfileName) ?? text(c.instanceProfileName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'path', text(c.Path) ?? text(c.path));
  put(attributes, 'role', firstRole(c.Roles ?? c.roles));
  put(attributes, 'arn', text(c.Arn) ?? text(c.arn) ?? item.arn);
  put(attributes, 'unique_id', text(c.instanceProfileId) ?? text(c.InstanceProfileId));
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags ?? c.tags));
  return { id: name, attributes };
}
