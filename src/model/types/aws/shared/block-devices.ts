import { isUnknown, type Value } from '../../../value.js';
import * as cfn from '../../read/cloudformation.js';

/**
 * The EBS block devices of an instance or a launch configuration as CloudFormation declares them:
 * `BlockDeviceMappings[{DeviceName, Ebs{...}, NoDevice, VirtualName}]` (the AWS::EC2::Instance and
 * AWS::AutoScaling::LaunchConfiguration resource references), in Terraform's `ebs_block_device` shape.
 *
 * A template cannot say which mapping is the root device (that is the AMI's root device name), so every mapping
 * with an `Ebs` block is an `ebs_block_device`; mappings without one (instance store, a suppressed device) are not
 * EBS volumes. An absent `Encrypted` is unencrypted, unless the volume is created from a snapshot, whose encryption
 * it keeps: unknown then. `fields` names the Ebs properties each resource type has.
 */
export function cfnEbsBlockDevices(
  properties: Value,
  fields: cfn.FieldSpec,
  device: cfn.FieldSpec = {},
): Value | undefined {
  const mappings = cfn.field(properties, 'BlockDeviceMappings');
  if (mappings === undefined) return [];
  if (isUnknown(mappings) || !Array.isArray(mappings)) return mappings;
  const devices: Value[] = [];
  for (const mapping of mappings) {
    if (isUnknown(mapping)) return mapping;
    const ebs = cfn.field(mapping, 'Ebs');
    if (ebs === undefined) continue;
    if (isUnknown(ebs)) return ebs;
    devices.push({
      device_name: cfn.field(mapping, 'DeviceName') ?? null,
      ...cfn.fields(mapping, device),
      ...cfn.fields(ebs, {
        delete_on_termination: cfn.or('DeleteOnTermination', true, cfn.bool),
        encrypted: cfn.encryptedFlag('Encrypted', ['SnapshotId']),
        ...fields,
      }),
    });
  }
  return devices;
}
