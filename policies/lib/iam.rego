# METADATA
# title: IAM policy document helpers
# description: |
#   Policy documents reach the rules parsed and canonical (Statement is a list; Action, Resource and Principal
#   values are lists), whatever their source. The helpers still accept the raw forms, for user policies fed
#   hand-written input.
package driftwarden.lib.iam

import data.driftwarden.lib.values
import rego.v1

statements(doc) := values.as_array(doc.Statement) if is_object(doc)

allow_statements(doc) := [s | some s in statements(doc); s.Effect == "Allow"]

field(statement, name) := values.as_array(statement[name]) if statement[name]

field(statement, name) := [] if not statement[name]

actions(statement) := [lower(a) | some a in field(statement, "Action"); is_string(a)]

resources(statement) := [r | some r in field(statement, "Resource"); is_string(r)]

# IAM action matching: `*` and `?` wildcards, case-insensitive. `s3:*` matches `s3:GetObject`.
action_matches(pattern, action) if glob.match(lower(pattern), [], lower(action))

# The statement allows the action, through any of its Action patterns.
grants(statement, action) if grants_among(actions(statement), action)

# One of the statement's actions (lower-cased, as actions() gives them) matches the action; the action is
# lower-cased once, not once per pattern.
grants_among(patterns, action) if {
	wanted := lower(action)
	some pattern in patterns
	glob.match(pattern, [], wanted)
}

wildcard_resource(statement) if "*" in resources(statement)

has_condition(statement) if count(object.get(statement, "Condition", {})) > 0

wildcard_principal(statement) if statement.Principal == "*"

wildcard_principal(statement) if "*" in values.as_array(statement.Principal.AWS)

wildcard_principal(statement) if statement.Principal == ["*"]

# Identity policy documents of a resource: {path, doc} for each.
identity_documents(r) := docs if {
	r.type in {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
	is_object(r.attributes.policy)
	docs := [{"path": "policy", "doc": r.attributes.policy}]
}

# A role's inline policies; a CloudFormation user's or group's `Policies`, read the same way.
identity_documents(r) := docs if {
	r.type in {"aws_iam_role", "aws_iam_user", "aws_iam_group"}
	docs := [{"path": concat("", ["inline_policy[", format_int(i, 10), "].policy"]), "doc": p.policy} |
		some i, p in object.get(r.attributes, "inline_policy", [])
		is_object(p.policy)
	]
}

# Statements of the identity documents: {path, statement} with the path of the statement.
# The path is built with concat and format_int, which the Wasm module has natively: every IAM rule reads these for
# every statement, and sprintf is a call out to JavaScript.
identity_statements(r) := [{"path": concat("", [d.path, ".Statement[", format_int(i, 10), "]"]), "statement": s} |
	some d in identity_documents(r)
	some i, s in statements(d.doc)
]

allow_identity_statements(r) := [e | some e in identity_statements(r); e.statement.Effect == "Allow"]
