# METADATA
# title: Findings
# description: Every rule reports findings of one shape, {ruleId, key, path, message}.
package driftwarden.lib.result

import rego.v1

# meta is rego.metadata.chain() from the rule, whose package annotation carries custom.id.
finding(meta, r, path, message) := {
	"ruleId": rule_id(meta),
	"key": r.key,
	"path": path,
	"message": message,
}

rule_id(meta) := id if {
	some entry in meta
	id := entry.annotations.custom.id
}

# The resources of the types the rule's package annotation lists in custom.resource_types.
resources(meta) := [r |
	some type in resource_types(meta)
	some r in object.get(input.resources, type, [])
]

resource_types(meta) := types if {
	some entry in meta
	types := entry.annotations.custom.resource_types
}
