# METADATA
# title: EBS volume is not encrypted
# description: |
#   An unencrypted EBS volume stores its data, and the snapshots taken from it, in the clear. Encryption cannot be
#   turned on for an existing volume: create an encrypted copy from a snapshot, and enable EBS encryption by default
#   for the region. The volumes an instance, a launch configuration or a launch template creates are judged by their
#   block devices: `encrypted` defaults to false, and only the account's EBS encryption by default, which code does
#   not show, would encrypt them then. A device created from a snapshot keeps the snapshot's encryption.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_configuration#block-devices
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#block-devices
# custom:
#   id: DW-AWS-EBS-001
#   checkov: [CKV_AWS_3, CKV_AWS_8]
#   trivy: [AVD-AWS-0026, AVD-AWS-0131, AVD-AWS-0008]
#   severity: high
#   category: encryption
#   resource_types: [aws_ebs_volume, aws_instance, aws_launch_configuration, aws_launch_template]
#   controls: [CIS-AWS-2.2.1]
#   remediation: |
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#
#     resource "aws_instance" "app" {
#       # ...
#       root_block_device {
#         encrypted = true
#       }
#     }
#
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
package driftwarden.rules.aws.ebs.volume_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encrypted", "volume is not encrypted") if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_ebs_volume"
	values.is_false(r, "encrypted")
}

# aws_instance and aws_launch_configuration: root_block_device and ebs_block_device, encrypted a boolean.
deny contains result.finding(rego.metadata.chain(), r, sprintf("%s[%d].encrypted", [block, i]), message) if {
	some r in result.resources(rego.metadata.chain())
	r.type in {"aws_instance", "aws_launch_configuration"}
	some block in ["root_block_device", "ebs_block_device"]
	some i, device in object.get(r.attributes, block, [])
	not from_snapshot(device)
	some state in [encryption(r, device)]
	message := sprintf("%s %s", [label(block, device), explain[state]])
}

# aws_launch_template: block_device_mappings[].ebs[0], encrypted the provider's string ("true", "false", "" unset).
deny contains result.finding(rego.metadata.chain(), r, sprintf("block_device_mappings[%d].ebs[%d].encrypted", [i, j]), message) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_launch_template"
	some i, mapping in object.get(r.attributes, "block_device_mappings", [])
	is_object(mapping)
	not suppressed(mapping)
	some j, ebs in object.get(mapping, "ebs", [])
	not from_snapshot(ebs)
	some state in [template_encryption(r, ebs)]
	message := sprintf("%s %s", [label("ebs_block_device", mapping), explain[state]])
}

explain := {
	"false": "is not encrypted",
	"unset": "does not set encrypted, which defaults to false: it is unencrypted unless the account turns on EBS encryption by default, which code does not show",
}

encryption(_, device) := "false" if device.encrypted == false

encryption(r, device) := "unset" if {
	r.origin == "declared"
	is_object(device)
	object.get(device, "encrypted", null) == null
}

template_encryption(_, ebs) := "false" if ebs.encrypted in {false, "false"}

template_encryption(r, ebs) := "unset" if {
	r.origin == "declared"
	is_object(ebs)
	object.get(ebs, "encrypted", null) in {null, ""}
}

template_encryption(_, ebs) := "unset" if ebs.encrypted == ""

# A volume made from a snapshot keeps the snapshot's encryption; an unknown snapshot may be one.
from_snapshot(device) if {
	snapshot := device.snapshot_id
	snapshot != null
	snapshot != ""
}

suppressed(mapping) if {
	no_device := mapping.no_device
	not no_device in {null, "", false}
}

label("root_block_device", _) := "root block device"

label(block, device) := sprintf("EBS block device %s", [device.device_name]) if {
	block != "root_block_device"
	is_string(device.device_name)
	device.device_name != ""
}

label(block, device) := "EBS block device" if {
	block != "root_block_device"
	not named(device)
}

named(device) if {
	is_string(device.device_name)
	device.device_name != ""
}
