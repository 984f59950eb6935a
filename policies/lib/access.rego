# METADATA
# title: Access helpers over IAM documents
# description: |
#   What a statement's resource patterns reach (every role, every key, every bucket), what a resource's identity
#   statements let their holder do together (privilege-escalation paths that need several actions), and when a
#   statement lets anyone in. Built on driftwarden.lib.iam; unknown values never match.
package driftwarden.lib.access

import data.driftwarden.lib.iam
import data.driftwarden.lib.values
import rego.v1

# --- Resource patterns --------------------------------------------------------------------------------------------

# Global services have no region in their ARNs; S3 has no account either.
probe_region(service) := "" if service in {"iam", "s3"}

probe_region(service) := "eu-west-1" if not service in {"iam", "s3"}

probe_account(service) := "" if service == "s3"

probe_account(service) := "111122223333" if service != "s3"

probe_segment(parts, i, _) := parts[i] if {
	count(parts) > i
	not regex.match(`[*?\[{]`, parts[i])
}

probe_segment(parts, i, sample) := sample if {
	count(parts) > i
	regex.match(`[*?\[{]`, parts[i])
}

probe_segment(parts, i, sample) := sample if count(parts) <= i

# The pattern reaches every resource of the kind ("role/", "key/", "secret:", "" for S3 buckets) in its own
# partition, region and account, or in all of them where it has wildcards there: it matches two unrelated names.
# A prefix such as "role/app-*" or a path such as "user/${aws:username}" does not. "*" alone is left to the rules
# on "Resource": "*", which already judge it.
covers_every(pattern, service, kind) if {
	is_string(pattern)
	pattern != "*"
	parts := split(pattern, ":")
	partition := probe_segment(parts, 1, "aws")
	region := probe_segment(parts, 3, probe_region(service))
	account := probe_segment(parts, 4, probe_account(service))
	every name in ["dwprobe", "zz/nested-9"] {
		glob.match(pattern, null, concat("", ["arn:", partition, ":", service, ":", region, ":", account, ":", kind, name]))
	}
}

# The statement's resource patterns that reach every resource of the kind.
every_resource_patterns(statement, service, kind) := sort({p |
	some p in iam.resources(statement)
	covers_every(p, service, kind)
})

# --- Conditions ---------------------------------------------------------------------------------------------------

# {operator, key, values} for each known clause of the statement's Condition, the key lower-case. An unknown value
# is one of the values; an operator whose clauses are unknown has none here (see condition_unknown).
conditions(statement) := [{"operator": op, "key": lower(key), "values": values.as_array(v)} |
	some op, clauses in object.get(statement, "Condition", {})
	is_object(clauses)
	values.known(clauses)
	some key, v in clauses
]

# The Condition is not known, or the clauses of one of its operators are not (a policy document whose condition
# variable is only known after apply): they may restrict anything, on any key.
condition_unknown(statement) if values.is_unknown(statement.Condition)

condition_unknown(statement) if {
	some clauses in object.get(statement, "Condition", {})
	values.is_unknown(clauses)
}

condition_known(statement) if not condition_unknown(statement)

# An operator that only lets a request through when the key is present and matches: the "IfExists", "Null",
# negated and "ForAllValues" forms also let through requests that do not carry the key.
positive_operator(op) if {
	name := lower(op)
	not endswith(name, "ifexists")
	not startswith(name, "forallvalues:")
	not contains(name, "not")
	name != "null"
	name != "bool"
}

# A clause on one of the keys, with a positive operator, and a value that is not a bare wildcard. An unknown value
# may restrict, so it counts.
restricts(statement, key_names) if {
	some c in conditions(statement)
	c.key in key_names
	positive_operator(c.operator)
	some v in c.values
	not v in {"*", "?*", "*?"}
}

# "Bool": {"aws:PrincipalIsAWSService": "true"} lets only AWS services in.
restricts(statement, key_names) if {
	"aws:principalisawsservice" in key_names
	some c in conditions(statement)
	c.key == "aws:principalisawsservice"
	lower(c.operator) == "bool"
	c.values == ["true"]
}

# An unknown part of the Condition may restrict on any key.
restricts(statement, _) if condition_unknown(statement)

# A clause on the key, whatever it says: the rule cannot judge it, so it does not fire.
mentions(statement, key_names) if {
	some c in conditions(statement)
	c.key in key_names
}

mentions(statement, _) if condition_unknown(statement)

# --- Principals ---------------------------------------------------------------------------------------------------

# Condition keys that tie a request to named callers, accounts, organisations or networks.
restricting_keys := {
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:principalservicename",
	"aws:principalisawsservice",
	"aws:sourcevpce",
	"aws:sourcevpc",
	"aws:sourceip",
	"aws:userid",
	"aws:username",
	"kms:calleraccount",
	"kms:viaservice",
	"lambda:functionarn",
	"lambda:eventsourcetoken",
}

# An Allow statement any principal may use: "Principal": "*" or {"AWS": "*"}, with no condition that names who.
# An unknown Condition, or unknown clauses, may name them, so it is not judged.
open_to_everyone(statement) if {
	statement.Effect == "Allow"
	iam.wildcard_principal(statement)
	condition_known(statement)
	not restricts(statement, restricting_keys)
}

# --- Paths through several actions --------------------------------------------------------------------------------

# iam:PassRole on every role: "Resource": "*" or a pattern reaching every role.
passes_every_role(statement) if iam.wildcard_resource(statement)

passes_every_role(statement) if count(every_resource_patterns(statement, "iam", "role/")) > 0

# iam:PassedToService, when the statement has it, names one of the services.
passed_to(statement, _) if not mentions(statement, {"iam:passedtoservice"})

passed_to(statement, services) if {
	some c in conditions(statement)
	c.key == "iam:passedtoservice"
	positive_operator(c.operator)
	some v in c.values
	is_string(v)
	some service in services
	glob.match(lower(v), null, service)
}

# Allow statements of the resource's identity documents that pass every role to one of the services. A statement
# allowing "*" is DW-AWS-IAM-001's.
pass_role_entries(r, services) := [e |
	some e in iam.allow_identity_statements(r)
	not "*" in iam.actions(e.statement)
	iam.grants(e.statement, "iam:PassRole")
	passes_every_role(e.statement)
	passed_to(e.statement, services)
]

# The resource's identity statements allow one action of each group (on any resource: creating a function or a
# stack cannot be scoped to an existing one).
grants_each(r, groups) if {
	# Once, not once per group: a call in a loop's body is evaluated again on each turn.
	entries := iam.allow_identity_statements(r)
	every group in groups {
		some e in entries
		some action in group
		iam.grants(e.statement, action)
	}
}

# The actions of the groups that the resource's identity statements allow, sorted, for the message.
granted_of(r, groups) := granted if {
	entries := iam.allow_identity_statements(r)
	granted := sort({action |
		some group in groups
		some action in group
		some e in entries
		iam.grants(e.statement, action)
	})
}

# --- Actions on every resource of a kind --------------------------------------------------------------------------

# The statement's resources reach every resource of the kind: through a pattern, or through "*" when any is true.
reaches_every(statement, service, kind, _) if count(every_resource_patterns(statement, service, kind)) > 0

reaches_every(statement, _, _, true) if iam.wildcard_resource(statement)

# The actions of the targets ({action, service, kind}) that the statement allows on every resource of their kind.
granted_on_every(statement, targets, any) := granted if {
	# The statement's actions are read once, not once per target.
	patterns := iam.actions(statement)
	granted := sort({t.action |
		some t in targets
		iam.grants_among(patterns, t.action)
		reaches_every(statement, t.service, t.kind, any)
	})
}

# The statement allows "*" or one of the service wildcards ("iam:*").
allows_all_of(statement, wildcards) if {
	some a in iam.actions(statement)
	a in wildcards
}
