import { z } from 'zod';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_internet_gateway with its VPC attachment, keyed by its gateway id (igw-...), which is also the import id.
 * Terraform attaches it by the gateway's `vpc_id` or by a separate aws_internet_gateway_attachment, which folds in.
 *
 * AWS Config (AWS::EC2::InternetGateway): the EC2 DescribeInternetGateways shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::InternetGateway.properties.json` (configuration.internetGatewayId,
 * attachments[{vpcId, state}], ownerId; tags[{key, value}]).
 *
 * `aws_created` is `'vpc_id'`: nothing in the item tells the default VPC's gateway, which AWS creates with the
 * default VPC, from another; it is the one attached to a VPC the scan holds as created by AWS, and is then not
 * reported unmanaged unless --strict. Only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::InternetGateway (Tags). Its attachment is an AWS::EC2::VPCGatewayAttachment, which also
 * attaches VPN gateways: not mapped, so a template's gateway leaves `vpc_id` out.
 * Terraform: hashicorp/terraform-provider-aws aws_internet_gateway (import id: the gateway id) and
 * aws_internet_gateway_attachment (`internet_gateway_id`, `vpc_id`).
 */
export const internetGateway = defineType({
  type: 'aws_internet_gateway',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    vpc_id: s.string,
    owner_id: s.string,
    tags: s.tags,
    aws_created: s.known(z.union([z.boolean(), z.string()])),
  }),
  computed: ['arn', 'owner_id'],
  id: { attribute: 'id', caseInsensitive: false },
  folds: [
    {
      type: 'aws_internet_gateway_attachment',
      parentIdAttribute: 'internet_gateway_id',
      unfold: [{ attribute: 'vpc_id', as: 'attribute' }],
      fold(parent, attachment) {
        if (attachment.vpc_id !== undefined) parent.vpc_id = attachment.vpc_id;
      },
    },
  ],
  sources: {
    awsConfig: { type: 'AWS::EC2::InternetGateway', map: fromConfigItem },
    cloudFormation: { type: 'AWS::EC2::InternetGateway', map: cfn.fromSpec({ tags: ['Tags', cfn.tags] }) },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  if (Array.isArray(c.attachments)) {
    const attached = c.attachments
      .map(record)
      .find((a) => typeof a?.vpcId === 'string' && a.state !== 'detached');
    attributes.vpc_id = typeof attached?.vpcId === 'string' ? attached.vpcId : null;
  }
  put(attributes, 'owner_id', c.ownerId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  attributes.aws_created = 'vpc_id';
  const id = typeof c.internetGatewayId === 'string' ? c.internetGatewayId : item.resourceId;
  return { id, attributes };
}
