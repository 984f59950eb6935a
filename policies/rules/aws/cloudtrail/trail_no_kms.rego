# METADATA
# title: CloudTrail trail logs are not encrypted with KMS
# description: |
#   Without a KMS key a trail's log files are encrypted with SSE-S3 only, so anyone who can read the bucket can read
#   the account's activity. SSE-KMS adds a key policy that decides who may decrypt the logs.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: DW-AWS-CLOUDTRAIL-001
#   checkov: [CKV_AWS_35]
#   trivy: [AVD-AWS-0015]
#   severity: high
#   category: encryption
#   resource_types: [aws_cloudtrail]
#   controls: [CIS-AWS-3.5]
#   remediation: |
#     resource "aws_cloudtrail" "main" {
#       name                       = "main"
#       s3_bucket_name             = aws_s3_bucket.trail.id
#       is_multi_region_trail      = true
#       enable_log_file_validation = true
#       kms_key_id                 = aws_kms_key.cloudtrail.arn
#     }
package driftwarden.rules.aws.cloudtrail.trail_no_kms

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "trail log files are not encrypted with a KMS key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_key_id")
}
