import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_route53_zone, from AWS::Route53::HostedZone, keyed by the zone id without Route 53's `/hostedzone/` prefix:
 * the Terraform import id and the state's `id` (hashicorp/terraform-provider-aws website/docs/r/route53_zone.html.markdown,
 * "Import": `Z1D633PJN98FT9`; the provider's resourceZoneRead sets `CleanZoneID`). Terraform also trims the trailing
 * dot Route 53 returns on the name (its `TrimTrailingPeriod` StateFunc), and so do the mappings here.
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the zone's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Route53::HostedZone.properties.json`: Id, Name,
 * NameServers, VPCs{VPCId, VPCRegion}, QueryLoggingConfig; the registry schema adds HostedZoneConfig{Comment} and
 * HostedZoneTags), and its resourceId is the registry primary identifier, Id: the bare zone id. One mapping of those
 * Properties serves templates and AWS Config. Config records Route 53 only in its home region, us-east-1 (the
 * CloudFormation RecordingGroup reference: Route 53 is "regionally recorded"; Route 53's API is signed in us-east-1,
 * AWS General Reference "Amazon Route 53 endpoints and quotas").
 *
 * A private zone is one with `vpc` blocks (Terraform has no private flag). `delegation_set_id` is not in the
 * registry shape, so no source here reports it; `force_destroy` is Terraform's own (it deletes the records on
 * destroy) and is not compared; query logging is aws_route53_query_log, not mapped here. What a template leaves out
 * is what Route 53 sets: no comment, no VPCs (a public zone).
 */
const fromPropertiesWith = (templateDefaults: boolean) =>
  cfn.fromSpec({
    name: ['Name', trimmedName],
    comment: (p) => {
      const comment = cfn.field(cfn.field(p, 'HostedZoneConfig'), 'Comment');
      return comment === undefined && templateDefaults ? null : comment;
    },
    vpc: (p) => {
      const vpcs = cfn.field(p, 'VPCs');
      if (vpcs === undefined) return templateDefaults ? [] : undefined;
      return cfn.eachOf(vpcs, (vpc) => cfn.fields(vpc, { vpc_id: 'VPCId', vpc_region: 'VPCRegion' }));
    },
    name_servers: 'NameServers',
    tags: ['HostedZoneTags', cfn.tags],
  });

export const route53Zone = defineType({
  type: 'aws_route53_zone',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    comment: s.string,
    vpc: s.blocks({ vpc_id: s.string, vpc_region: s.string }),
    delegation_set_id: s.string,
    name_servers: s.strings,
    zone_id: s.string,
    arn: s.string,
    tags: s.tags,
  }),
  // The provider sorts name_servers: their order is not the zone's.
  sets: ['vpc', 'name_servers'],
  computed: ['arn', 'zone_id', 'name_servers', 'primary_name_server'],
  // "comment - (Optional) ... Defaults to 'Managed by Terraform'": the provider's aws_route53_zone documentation.
  defaults: { comment: 'Managed by Terraform' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Route53::HostedZone', homeRegion: 'us-east-1', map: fromConfigItem },
    cloudFormation: { type: 'AWS::Route53::HostedZone', map: fromPropertiesWith(true) },
  },
});

/** `example.com.` as Terraform holds it, `example.com`. */
function trimmedName(value: Value | undefined): Value | undefined {
  return typeof value === 'string' && !isUnknown(value) ? value.replace(/\.$/, '') : value;
}

/** The bare zone id, as Terraform and CloudFormation's Ref give it (`/hostedzone/Z...` from the Route 53 API). */
function zoneId(value: unknown): string | undefined {
  const id = text(value);
  return id?.replace(/^\/hostedzone\//, '');
}

const fromItemProperties = fromPropertiesWith(false);

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes: Attributes = fromItemProperties(configuration);
  const id = zoneId(record(configuration)?.Id) ?? zoneId(item.resourceId) ?? item.resourceId;
  attributes.zone_id = id;
  put(attributes, 'arn', text(item.arn));
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.HostedZoneTags));
  return { id, attributes };
}
