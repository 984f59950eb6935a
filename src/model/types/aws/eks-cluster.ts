import { isUnknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText } from './shared/config-fields.js';

/**
 * aws_eks_cluster, keyed by its name, which is the state's `id` and the import id.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is the resource's
 * CloudFormation Properties with the read-only ones, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EKS::Cluster.properties.json` (Name, Arn, RoleArn, Version,
 * ResourcesVpcConfig{SubnetIds, SecurityGroupIds, EndpointPublicAccess, EndpointPrivateAccess, PublicAccessCidrs},
 * EncryptionConfig[{Provider{KeyArn}, Resources}], Logging.ClusterLogging.EnabledTypes[{Type}],
 * KubernetesNetworkConfig; tags). Config's resourceId is the registry primary identifier, Name. One mapping of those
 * Properties serves the item and AWS::EKS::Cluster templates; a template also gets EKS's endpoint defaults (public
 * on, private off, public from 0.0.0.0/0). vpc_config's cluster_security_group_id and vpc_id are EKS's choice, not
 * the configuration's: canonicalise leaves them out of the block.
 * Terraform: hashicorp/terraform-provider-aws aws_eks_cluster (import id: the cluster name).
 */
const fromPropertiesWith = (templateDefaults: boolean) =>
  cfn.fromSpec({
    name: cfn.name('Name'),
    arn: 'Arn',
    role_arn: 'RoleArn',
    version: ['Version', cfn.text],
    vpc_config: ['ResourcesVpcConfig', cfn.block((vpc) => [vpcConfig(vpc, templateDefaults)])],
    encryption_config: (p) => {
      const list = cfn.field(p, 'EncryptionConfig');
      if (list === undefined) return null;
      return cfn.eachOf(list, (entry) => {
        const provider = cfn.field(entry, 'Provider');
        return {
          provider: provider === undefined ? [] : [{ key_arn: cfn.field(provider, 'KeyArn') ?? null }],
          resources: cfn.field(entry, 'Resources') ?? [],
        };
      });
    },
    enabled_cluster_log_types: (p) => {
      const logging = cfn.field(p, 'Logging');
      const types = cfn.field(cfn.field(logging, 'ClusterLogging'), 'EnabledTypes');
      if (types === undefined) return isUnknown(logging) ? logging : null;
      return cfn.eachOf(types, (entry) => cfn.field(entry, 'Type') ?? null);
    },
    tags: ['Tags', cfn.tags],
  });

function vpcConfig(vpc: Value, templateDefaults: boolean): Value {
  const out: Attributes = cfn.fields(vpc, {
    subnet_ids: 'SubnetIds',
    security_group_ids: 'SecurityGroupIds',
    endpoint_private_access: ['EndpointPrivateAccess', cfn.bool],
    endpoint_public_access: ['EndpointPublicAccess', cfn.bool],
    public_access_cidrs: 'PublicAccessCidrs',
  });
  if (templateDefaults) {
    out.endpoint_private_access ??= false;
    out.endpoint_public_access ??= true;
    out.public_access_cidrs ??= ['0.0.0.0/0'];
  }
  return out;
}

const fromItemProperties = fromPropertiesWith(false);

export const eksCluster = defineType({
  type: 'aws_eks_cluster',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    role_arn: s.string,
    version: s.string,
    vpc_config: s.blocks({
      subnet_ids: s.strings,
      security_group_ids: s.strings,
      endpoint_private_access: s.boolean,
      endpoint_public_access: s.boolean,
      public_access_cidrs: s.strings,
    }),
    encryption_config: s.blocks({
      provider: s.blocks({ key_arn: s.string }),
      resources: s.strings,
    }),
    enabled_cluster_log_types: s.strings,
    tags: s.tags,
  }),
  sets: [
    'enabled_cluster_log_types',
    'vpc_config[*].subnet_ids',
    'vpc_config[*].security_group_ids',
    'vpc_config[*].public_access_cidrs',
    'encryption_config[*].resources',
  ],
  computed: ['arn', 'endpoint', 'certificate_authority', 'identity', 'platform_version'],
  id: { attribute: 'id', caseInsensitive: false },
  canonicalise(attributes) {
    const blocks = attributes.vpc_config;
    if (!Array.isArray(blocks)) return;
    for (const block of blocks) {
      if (typeof block !== 'object' || block === null || Array.isArray(block) || isUnknown(block)) continue;
      delete block.cluster_security_group_id;
      delete block.vpc_id;
    }
  },
  sources: {
    awsConfig: { type: 'AWS::EKS::Cluster', map: fromConfigItem },
    cloudFormation: { type: 'AWS::EKS::Cluster', map: fromPropertiesWith(true) },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = fromItemProperties(c as Value);
  const name = idText(c.Name) ?? item.resourceName ?? item.resourceId;
  attributes.name = name;
  put(attributes, 'arn', idText(c.Arn) ?? item.arn);
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags));
  return { id: name, attributes };
}
