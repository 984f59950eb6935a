# METADATA
# title: RDS parameter group does not require TLS
# description: |
#   A PostgreSQL group without rds.force_ssl = 1, or a MySQL or MariaDB group without require_secure_transport ON,
#   lets clients connect to the database in plain text. A parameter the group does not set takes the engine
#   default: rds.force_ssl is 1 from RDS for PostgreSQL 15 on and 0 before it and on Aurora PostgreSQL;
#   require_secure_transport is OFF on Aurora MySQL, RDS for MySQL 8.4 and earlier, and MariaDB 11.4 and
#   earlier. On Aurora the parameters belong to the DB cluster parameter group, so Aurora DB parameter groups are
#   not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_parameter_group
# custom:
#   id: DW-AWS-RDS-010
#   checkov: [CKV2_AWS_69]
#   trivy: []
#   severity: medium
#   category: encryption
#   resource_types: [aws_db_parameter_group, aws_rds_cluster_parameter_group]
#   controls: []
#   remediation: |
#     resource "aws_db_parameter_group" "app" {
#       name   = "app-postgres14"
#       family = "postgres14"
#       parameter {
#         name         = "rds.force_ssl"
#         value        = "1"
#         apply_method = "pending-reboot"
#       }
#     }
#
#     resource "aws_rds_cluster_parameter_group" "aurora" {
#       name   = "app-aurora-mysql8"
#       family = "aurora-mysql8.0"
#       parameter {
#         name  = "require_secure_transport"
#         value = "ON"
#       }
#     }
package driftwarden.rules.aws.rds.parameter_group_tls

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "parameter", sprintf("parameter group sets %s to %s, so clients may connect without TLS", [engine.parameter, entry.value])) if {
	some r in result.resources(rego.metadata.chain())
	some engine in engines(r)
	some entry in parameters(r)
	lower(entry.name) == engine.parameter
	is_string(entry.value)
	lower(entry.value) in engine.off
}

deny contains result.finding(rego.metadata.chain(), r, "parameter", sprintf("parameter group does not set %s, which is off by default for %s, so clients may connect without TLS", [engine.parameter, r.attributes.family])) if {
	some r in result.resources(rego.metadata.chain())
	some engine in engines(r)
	engine.default_off
	every_name_known(r)
	not sets(r, engine.parameter)
}

# The engine a group's family names, where the group can carry its TLS parameter: {parameter, off values, and
# whether the engine default is off}.
engines(r) := {engine |
	family := r.attributes.family
	is_string(family)
	some engine in family_engines(r.type, lower(family))
}

postgres := {"parameter": "rds.force_ssl", "off": {"0"}}

mysql := {"parameter": "require_secure_transport", "off": {"0", "off", "false"}}

# RDS for PostgreSQL (a DB parameter group, or a Multi-AZ DB cluster's group): on by default from version 15.
family_engines(_, family) := {object.union(postgres, {"default_off": to_number(major) < 15})} if {
	[_, major] := regex.find_all_string_submatch_n(`^postgres(\d+)`, family, 1)[0]
}

family_engines("aws_rds_cluster_parameter_group", family) := {object.union(postgres, {"default_off": true})} if {
	startswith(family, "aurora-postgresql")
}

family_engines("aws_rds_cluster_parameter_group", family) := {object.union(mysql, {"default_off": true})} if {
	startswith(family, "aurora-mysql")
}

# MySQL 5.7 and later have the parameter; it is OFF by default up to 8.4 (9.7 turns it on).
family_engines(_, family) := {object.union(mysql, {"default_off": family in {"mysql5.7", "mysql8.0", "mysql8.4"}})} if {
	regex.match(`^mysql(5\.7|[89]\.)`, family)
}

# MariaDB has the parameter from 10.5; it is OFF by default up to 11.4 (11.8 turns it on).
family_engines(_, family) := {object.union(mysql, {"default_off": family in {"mariadb10.5", "mariadb10.6", "mariadb10.11", "mariadb11.4"}})} if {
	regex.match(`^mariadb(10\.([5-9]|1\d)|1[1-9]\.)`, family)
}

# The parameter blocks, a set in state; absent from a declared group is none set.
parameters(r) := [] if values.unset(r, "parameter")

parameters(r) := r.attributes.parameter if is_array(r.attributes.parameter)

# Whether a parameter is missing can only be told when every block's name is known.
every_name_known(r) if {
	entries := parameters(r)
	every entry in entries {
		is_object(entry)
		is_string(entry.name)
	}
}

sets(r, name) if {
	some entry in parameters(r)
	lower(entry.name) == name
}
