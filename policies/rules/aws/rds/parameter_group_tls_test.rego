package driftwarden.rules.aws.rds.parameter_group_tls_test

import data.driftwarden.rules.aws.rds.parameter_group_tls
import rego.v1

group(type, origin, attributes) := {"key": sprintf("%s.app", [type]), "type": type, "id": "app", "origin": origin, "attributes": attributes}

db(attributes) := group("aws_db_parameter_group", "declared", attributes)

cluster(attributes) := group("aws_rds_cluster_parameter_group", "declared", attributes)

findings(r) := f if {
	f := parameter_group_tls.deny with input as {"resources": {r.type: [r]}}
}

param(name, value) := {"name": name, "value": value}

test_postgres_force_ssl_off_is_denied if {
	findings(db({"family": "postgres16", "parameter": [param("log_connections", "1"), param("rds.force_ssl", "0")]})) == {{"ruleId": "DW-AWS-RDS-010", "key": "aws_db_parameter_group.app", "path": "parameter", "message": "parameter group sets rds.force_ssl to 0, so clients may connect without TLS"}}
}

test_postgres_before_15_without_force_ssl_is_denied if {
	findings(db({"family": "postgres14", "parameter": [param("log_connections", "1")]})) == {{"ruleId": "DW-AWS-RDS-010", "key": "aws_db_parameter_group.app", "path": "parameter", "message": "parameter group does not set rds.force_ssl, which is off by default for postgres14, so clients may connect without TLS"}}
	count(findings(db({"family": "postgres9.6"}))) == 1
	count(findings(db({"family": "postgres13", "parameter": null}))) == 1
}

test_postgres_15_and_later_default_passes if {
	count(findings(db({"family": "postgres15", "parameter": []}))) == 0
	count(findings(db({"family": "postgres17"}))) == 0
	count(findings(cluster({"family": "postgres16"}))) == 0
}

test_force_ssl_on_passes if {
	count(findings(db({"family": "postgres14", "parameter": [param("rds.force_ssl", "1")]}))) == 0
	count(findings(cluster({"family": "aurora-postgresql16", "parameter": [param("rds.force_ssl", "1")]}))) == 0
}

test_aurora_postgresql_cluster_group_default_is_denied if {
	count(findings(cluster({"family": "aurora-postgresql16", "parameter": [param("timezone", "UTC")]}))) == 1
}

test_aurora_db_parameter_group_is_not_judged if {
	# On Aurora the TLS parameters are cluster-level: an instance group cannot carry them.
	count(findings(db({"family": "aurora-postgresql16"}))) == 0
	count(findings(db({"family": "aurora-mysql8.0", "parameter": [param("require_secure_transport", "OFF")]}))) == 0
}

test_mysql_require_secure_transport if {
	count(findings(db({"family": "mysql8.0"}))) == 1
	count(findings(db({"family": "mysql8.4", "parameter": [param("require_secure_transport", "0")]}))) == 1
	count(findings(cluster({"family": "aurora-mysql8.0", "parameter": [param("require_secure_transport", "OFF")]}))) == 1
	count(findings(cluster({"family": "aurora-mysql5.7"}))) == 1
	count(findings(db({"family": "mysql5.7", "parameter": [param("require_secure_transport", "1")]}))) == 0
	count(findings(cluster({"family": "aurora-mysql8.0", "parameter": [param("Require_Secure_Transport", "on")]}))) == 0
}

test_mariadb_default_depends_on_version if {
	count(findings(db({"family": "mariadb10.6"}))) == 1
	count(findings(db({"family": "mariadb11.8"}))) == 0
	count(findings(db({"family": "mariadb11.8", "parameter": [param("require_secure_transport", "OFF")]}))) == 1
}

test_engines_without_the_parameter_are_not_judged if {
	count(findings(db({"family": "mysql5.6"}))) == 0
	count(findings(db({"family": "mariadb10.4"}))) == 0
	count(findings(db({"family": "sqlserver-se-15.0"}))) == 0
	count(findings(db({"family": "oracle-ee-19"}))) == 0
}

test_mysql_9_without_parameter_is_not_judged if {
	# RDS for MySQL 9.7 turns require_secure_transport on by default; other 9.x defaults were not established.
	count(findings(db({"family": "mysql9.7"}))) == 0
	count(findings(db({"family": "mysql9.7", "parameter": [param("require_secure_transport", "0")]}))) == 1
}

test_unknown_values_pass if {
	count(findings(db({"family": {"__unknown": true}}))) == 0
	count(findings(db({"family": "postgres14", "parameter": {"__unknown": true}}))) == 0
	count(findings(db({"family": "postgres14", "parameter": [{"__unknown": true}]}))) == 0
	count(findings(db({"family": "postgres14", "parameter": [param({"__unknown": true}, "1")]}))) == 0
	count(findings(db({"family": "postgres14", "parameter": [param("rds.force_ssl", {"__unknown": true})]}))) == 0
}

test_live_group_without_parameters_passes if {
	count(findings(group("aws_db_parameter_group", "live", {"family": "postgres14"}))) == 0
	count(findings(group("aws_db_parameter_group", "live", {"family": "postgres14", "parameter": [param("rds.force_ssl", "0")]}))) == 1
}
