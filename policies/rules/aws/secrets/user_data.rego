# METADATA
# title: EC2 user data holds a plaintext secret
# description: |
#   User data is readable by everyone who may describe the instance's attributes or the launch template
#   (ec2:DescribeInstanceAttribute, ec2:DescribeLaunchTemplateVersions), by every process on the instance through
#   the metadata service, and sits in Terraform plans and the code. A script that holds an AWS access key, a private
#   key, a token, a connection string with a password or a `DB_PASSWORD=...` assignment is a plaintext secret,
#   base64-encoded or not. Give the instance a role (an instance profile) and read secrets from Secrets Manager or
#   SSM Parameter Store at boot. The message names the kind, never the value. Terraform state holds aws_instance's
#   `user_data` as a hash, which says nothing: state is judged on `user_data_base64` and launch templates.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#user_data
# custom:
#   id: DW-AWS-SECRETS-003
#   severity: high
#   category: secrets
#   resource_types: [aws_instance, aws_launch_template]
#   controls: []
#   checkov: [CKV_AWS_46]
#   trivy: [AVD-AWS-0029]
#   remediation: |
#     resource "aws_instance" "app" {
#       # ...
#       iam_instance_profile = aws_iam_instance_profile.app.name
#       user_data = <<-EOT
#         #!/bin/bash
#         DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)
#       EOT
#     }
package driftwarden.rules.aws.secrets.user_data

import data.driftwarden.lib.result
import data.driftwarden.lib.secrets
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, name, message) if {
	some r in result.resources(rego.metadata.chain())
	some name in ["user_data", "user_data_base64"]
	kind := secrets.held(name, r.attributes[name])
	message := sprintf("user data holds %s in plain text", [secrets.kinds[kind]])
}
