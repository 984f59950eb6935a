package driftwarden.rules.aws.sqs.queue_policy_public_test

import data.driftwarden.rules.aws.sqs.queue_policy_public
import rego.v1

statement(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": ["sqs:SendMessage"], "Resource": ["*"], "Condition": condition}

deny_with(type, statements) := findings if {
	findings := queue_policy_public.deny with input as {"resources": {type: [{"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": {"policy": {"Statement": statements}}}]}}
}

test_any_principal_without_a_condition_is_reported if {
	deny_with("aws_sqs_queue", [statement({"Service": ["s3.amazonaws.com"]}, {}), statement({"AWS": ["*"]}, {})]) == {{
		"ruleId": "DW-AWS-SQS-050",
		"key": "aws_sqs_queue.x",
		"path": "policy.Statement[1]",
		"message": "queue policy lets anyone (any principal, no condition on the caller) use sqs:sendmessage",
	}}
}

test_the_separate_policy_resource_is_read if {
	count(deny_with("aws_sqs_queue_policy", [statement("*", {})])) == 1
}

test_conditions_that_do_not_restrict_the_caller_are_reported if {
	count(deny_with("aws_sqs_queue", [statement("*", {"Bool": {"aws:SecureTransport": ["true"]}})])) == 1
	count(deny_with("aws_sqs_queue", [statement("*", {"ArnLikeIfExists": {"aws:SourceArn": ["arn:aws:s3:::app"]}})])) == 1
	count(deny_with("aws_sqs_queue", [statement("*", {"StringNotEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}})])) == 1
	count(deny_with("aws_sqs_queue", [statement("*", {"StringLike": {"aws:SourceArn": ["*"]}})])) == 1
}

test_conditions_on_the_caller_pass if {
	every key in ["aws:SourceArn", "aws:SourceAccount", "AWS:SourceOwner", "aws:PrincipalOrgID", "aws:SourceVpce", "aws:PrincipalAccount"] {
		count(deny_with("aws_sqs_queue", [statement("*", {"StringEquals": {key: ["x"]}})])) == 0
	}
	count(deny_with("aws_sqs_queue", [statement("*", {"Bool": {"aws:PrincipalIsAWSService": ["true"]}})])) == 0
}

test_named_principals_and_deny_pass if {
	count(deny_with("aws_sqs_queue", [statement({"AWS": ["arn:aws:iam::111122223333:root"]}, {})])) == 0
	count(deny_with("aws_sqs_queue", [object.union(statement("*", {}), {"Effect": "Deny"})])) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_sqs_queue", [statement({"__unknown": true}, {})])) == 0
	count(deny_with("aws_sqs_queue", [statement("*", {"__unknown": true})])) == 0
	count(deny_with("aws_sqs_queue", [statement("*", {"StringEquals": {"aws:SourceArn": [{"__unknown": true}]}})])) == 0
}
