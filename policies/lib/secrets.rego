# METADATA
# title: Secrets helpers over masked values
# description: |
#   Every secret is masked before any rule runs (src/model/mask-secrets.ts): a rule sees {"__sensitive": digest,
#   "shape": kind}, never the value, and names the setting and the kind in its message. The kinds are the masker's:
#   SECRET_KINDS in src/model/secret-patterns.ts and "opaque-literal" in src/model/secret-shape.ts; the name words are
#   its SECRET_WORDS, SECRET_PAIRS and METADATA_SUFFIXES. Keep these lists in step with those
#   (test/model/secret-shape.test.ts compares them). Unknown values (references) are never masked, never judged.
package driftwarden.lib.secrets

import rego.v1

# Each kind of secret, as a finding calls it.
kinds := {
	"aws-access-key-id": "an AWS access key id",
	"aws-secret-access-key": "an AWS secret access key",
	"private-key": "a private key",
	"github-token": "a GitHub token",
	"slack-token": "a Slack token",
	"json-web-token": "a JSON web token",
	"bearer-token": "a bearer token",
	"url-credentials": "a URL with a password in it",
	"connection-string": "a connection string with a password or key",
	"secret-assignment": "a secret in a key=value assignment",
	"secret-entry": "a secret in a JSON, YAML or XML entry",
	"opaque-literal": "a secret",
}

secret_words := {"password", "passwd", "secret", "token", "passphrase", "credential", "credentials"}

secret_pairs := {
	"private_key", "access_key", "secret_key", "api_key", "account_key", "shared_key",
	"connection_string", "sas_url", "sas_token", "auth_key", "master_key",
}

metadata_suffixes := {
	"arn", "spec", "usage", "source", "state", "arns", "id", "ids", "name", "names", "enabled", "type",
	"length", "required", "version", "count", "days", "prevention", "age", "policy", "rotation", "expiration",
	"ttl", "duration", "permissions",
}

# The kind of secret a setting named `name` holds in plain text: a credential's shape under any name, or a literal
# that reads like a password or key under a name that says it is a secret (DB_PASSWORD, Stripe:ApiKey).
held(_, value) := value.shape if {
	is_string(value.__sensitive)
	value.shape != "opaque-literal"
	kinds[value.shape]
}

held(name, value) := "opaque-literal" if {
	is_string(value.__sensitive)
	value.shape == "opaque-literal"
	secret_name(name)
}

# The name says its value is a secret: it ends in a secret word (DB_PASSWORD, Stripe:ApiKey, clientSecret), in any
# case style. Stricter than the masker's name rule, which masks a name holding the word anywhere: a password-like
# literal under TOKEN_ISSUER or DB_PASSWORD_HOST is an issuer or a host. A name ending in a word naming metadata
# (DB_PASSWORD_ARN) never ends in a secret word.
secret_name(name) if {
	is_string(name)
	words := [w | some w in regex.split(`[^a-z0-9]+`, lower(name)); w != ""]
	count(words) > 0
	not metadata(words)
	names_a_secret(words)
}

metadata(words) if {
	count(words) > 1
	words[count(words) - 1] in metadata_suffixes
}

# The last word is or ends in a secret word (dbpassword, when camelCase was lower-cased).
names_a_secret(words) if {
	some secret in secret_words
	endswith(words[count(words) - 1], secret)
}

names_a_secret(words) if {
	some pair in secret_pairs
	endswith(sprintf("_%s", [concat("_", words)]), sprintf("_%s", [pair]))
}

names_a_secret(words) if {
	some pair in secret_pairs
	endswith(words[count(words) - 1], replace(pair, "_", ""))
}
