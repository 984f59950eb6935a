# METADATA
# title: Value helpers over the canonical model
# description: |
#   Unknown values ({"__unknown": true}) never raise a violation. A live source that does not report an
#   attribute leaves it out, so an absent attribute only means "not set" on the declared side.
package driftwarden.lib.values

import rego.v1

is_unknown(x) if x.__unknown == true

known(x) if not is_unknown(x)

# The attribute is explicitly empty, or absent from a declared resource.
unset(r, name) if {
	object.get(r.attributes, name, "__absent__") == "__absent__"
	r.origin == "declared"
}

unset(r, name) if is_empty(r.attributes[name])

is_empty(null)

is_empty("")

is_empty([])

is_empty({})

# An attribute that is known to be false (absent on the declared side counts, since Terraform defaults to false).
is_false(r, name) if r.attributes[name] == false

is_false(r, name) if unset(r, name)

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)
