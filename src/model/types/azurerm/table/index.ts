import { type ArmTableRow, armTableType } from '../../generic.js';
import type { ResourceType } from '../../resource-type.js';

/*
 * How a row is checked: the azurerm docs' "Import" section gives the import id as the ARM id of one top-level
 * resource, `/subscriptions/{sub}/resourceGroups/{group}/providers/<Namespace>/<type>/{name}`; the import spec of
 * magodo/aztft (internal/resmap/map.json, read from the provider's own id parsers) gives the same namespace and
 * type. A row whose Terraform type has no `location` argument says `location: false`, even where ARM holds one
 * (`global`), since azurerm states none.
 *
 * Left out, with why:
 * - A module of their own in src/model/types/azurerm/ (one ARM type, one module): azurerm_key_vault,
 *   azurerm_managed_disk, azurerm_mssql_server, azurerm_mssql_database, azurerm_network_security_group,
 *   azurerm_resource_group, azurerm_role_assignment, azurerm_role_definition, azurerm_storage_account,
 *   azurerm_virtual_network, azurerm_linux_web_app / azurerm_windows_web_app / azurerm_linux_function_app /
 *   azurerm_windows_function_app (Microsoft.Web/sites).
 * - One ARM type, several azurerm types (for a module with a typeOf):
 *   - Microsoft.Compute/virtualMachines: azurerm_linux_virtual_machine, azurerm_windows_virtual_machine,
 *     azurerm_virtual_machine.
 *   - Microsoft.Compute/virtualMachineScaleSets: azurerm_linux_virtual_machine_scale_set and
 *     azurerm_windows_virtual_machine_scale_set have modules (Uniform scale sets);
 *     azurerm_orchestrated_virtual_machine_scale_set (Flexible) has none yet.
 *   - Microsoft.Web/sites: azurerm_logic_app_standard, beside the four app modules.
 *   - Microsoft.Web/certificates: azurerm_app_service_certificate, azurerm_app_service_managed_certificate.
 *   - Microsoft.Web/hostingEnvironments: azurerm_app_service_environment, azurerm_app_service_environment_v3.
 *   - Microsoft.Cdn/profiles: azurerm_cdn_profile, azurerm_cdn_frontdoor_profile.
 *   - Microsoft.Network/frontDoorWebApplicationFirewallPolicies: azurerm_cdn_frontdoor_firewall_policy,
 *     azurerm_frontdoor_firewall_policy.
 *   - Microsoft.Network/virtualHubs: azurerm_virtual_hub, azurerm_route_server.
 *   - Microsoft.BotService/botServices: azurerm_bot_service_azure_bot, azurerm_bot_channels_registration,
 *     azurerm_bot_web_app.
 *   - Microsoft.CognitiveServices/accounts: azurerm_cognitive_account, azurerm_ai_services.
 *   - Microsoft.MachineLearningServices/workspaces: azurerm_machine_learning_workspace, azurerm_ai_foundry,
 *     azurerm_ai_foundry_project.
 *   - Microsoft.Cache/redisEnterprise: azurerm_redis_enterprise_cluster, azurerm_managed_redis.
 *   - Microsoft.HDInsight/clusters: the five azurerm_hdinsight_*_cluster types.
 *   - PaloAltoNetworks.Cloudngfw/firewalls: the azurerm_palo_alto_next_generation_firewall_virtual_hub_* and
 *     _virtual_network_* types (local rulestack, Panorama, Strata Cloud Manager).
 *   - Microsoft.Workloads/sapVirtualInstances: azurerm_workloads_sap_single_node_virtual_instance,
 *     azurerm_workloads_sap_three_tier_virtual_instance, azurerm_workloads_sap_discovery_virtual_instance.
 *   - Microsoft.TimeSeriesInsights/environments: azurerm_iot_time_series_insights_gen2_environment,
 *     azurerm_iot_time_series_insights_standard_environment.
 *   - Microsoft.Insights/webTests: azurerm_application_insights_web_test,
 *     azurerm_application_insights_standard_web_test.
 *   - Microsoft.Insights/scheduledQueryRules: azurerm_monitor_scheduled_query_rules_alert_v2,
 *     azurerm_monitor_scheduled_query_rules_log.
 *   - Microsoft.AlertsManagement/actionRules: azurerm_monitor_alert_processing_rule_action_group,
 *     azurerm_monitor_alert_processing_rule_suppression.
 *   - Microsoft.Resources/deploymentScripts: azurerm_resource_deployment_script_azure_cli,
 *     azurerm_resource_deployment_script_azure_power_shell.
 *   - Microsoft.DataBoxEdge/dataBoxEdgeDevices: azurerm_databox_edge_device, azurerm_databox_edge_order.
 *   - Microsoft.Authorization/policyAssignments, policyExemptions and Microsoft.PolicyInsights/remediations: one
 *     azurerm type per scope (management group, subscription, resource group, resource); the four
 *     azurerm_*_policy_assignment types have modules.
 * - Child resources, which Resources - List and Graph's Resources table do not return, so a row would read every
 *   declared one as missing: azurerm_subnet, azurerm_network_security_rule, azurerm_route, azurerm_lb_* rules and
 *   pools, azurerm_virtual_network_peering, azurerm_private_dns_*_record, azurerm_dns_*_record,
 *   azurerm_private_dns_zone_virtual_network_link, azurerm_storage_queue / _share / _table,
 *   azurerm_servicebus_subscription, azurerm_eventhub_consumer_group (azurerm_storage_container,
 *   azurerm_servicebus_queue / _topic and azurerm_eventhub have modules, listed under their parents),
 *   azurerm_*_authorization_rule, azurerm_mssql_elasticpool, azurerm_mssql_firewall_rule,
 *   azurerm_postgresql_flexible_server_database / _configuration / _firewall_rule, azurerm_mysql_flexible_database,
 *   azurerm_cosmosdb_sql_database / _container and the other Cosmos DB APIs, azurerm_kubernetes_cluster_node_pool,
 *   azurerm_api_management_*, azurerm_app_configuration_key, azurerm_automation_* beside the account,
 *   azurerm_data_factory_* beside the factory, azurerm_dedicated_host, azurerm_shared_image(_version),
 *   azurerm_gallery_application, azurerm_healthcare_dicom/fhir/medtech_service, azurerm_kusto_database,
 *   azurerm_synapse_spark_pool / _sql_pool, azurerm_virtual_machine_extension, azurerm_cdn_endpoint,
 *   azurerm_cdn_frontdoor_* beside the profile, azurerm_key_vault_key / _secret / _certificate, and the like.
 * - Extension, subscription, management-group and tenant resources, not listed per subscription as tracked
 *   resources: azurerm_management_lock, azurerm_monitor_diagnostic_setting, azurerm_*_policy_definition,
 *   azurerm_consumption_budget_*, azurerm_*_cost_management_export, azurerm_lighthouse_*,
 *   azurerm_security_center_* (but the automation), azurerm_*_template_deployment, azurerm_management_group,
 *   azurerm_subscription, azurerm_maintenance_assignment_* (azurerm_eventgrid_event_subscription has a module),
 *   azurerm_monitor_data_collection_rule_association, azurerm_sentinel_*.
 * - Import ids that are not the resource's ARM id: azurerm_active_directory_domain_service
 *   (`.../initialReplicaSetId/...`), azurerm_mssql_virtual_machine (no name or resource group of its own).
 * - Retired services whose azurerm types were removed or are going (Logz, Spring Apps, Media Services, Video
 *   Analyzer, Orbital, Spatial Anchors, disk pools, integration service environments, MySQL and PostgreSQL single
 *   server, Front Door classic). Private 5G Core is retired too (hashicorp/terraform-provider-azurerm#31214
 *   retires the azurerm_mobile_network_* types): azurerm_mobile_network_packet_core_control_plane is left out,
 *   and the azurerm_mobile_network and azurerm_mobile_network_sim_group rows are due to go.
 * - No tags argument, so a row would be existence-only: azurerm_chaos_studio_experiment,
 *   azurerm_extended_location_custom_location, azurerm_new_relic_monitor, azurerm_palo_alto_local_rulestack.
 * - Rows not yet checked against the docs (newer types the aztft map predates): left for a later pass rather than
 *   guessed. The rows without an aztft spec were checked against their docs page alone (and, where the docs'
 *   import example is wrong, against the id the resource parses).
 */

/**
 * azurerm types compared by their ARM envelope (existence by ARM id, location and tags), one row each, sorted by
 * type. A type that needs its attributes compared gets a module of its own in src/model/types/azurerm/ and leaves
 * this table.
 */
export const ARM_TABLE: readonly ArmTableRow[] = [
  {
    type: 'azurerm_analysis_services_server',
    armType: 'Microsoft.AnalysisServices/servers',
    source:
      'azurerm docs, azurerm_analysis_services_server "Import": /subscriptions/.../providers/Microsoft.AnalysisServices/servers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_api_center_service',
    armType: 'Microsoft.ApiCenter/services',
    source:
      'azurerm docs, azurerm_api_center_service "Import" (its example carries a stray trailing `/center`) and the id it parses, go-azure-sdk apicenter 2024-03-01 services.ParseServiceID: /subscriptions/.../providers/Microsoft.ApiCenter/services/{name}',
  },
  {
    type: 'azurerm_api_connection',
    armType: 'Microsoft.Web/connections',
    location: false,
    source:
      'azurerm docs, azurerm_api_connection "Import": /subscriptions/.../providers/Microsoft.Web/connections/{name}; magodo/aztft resmap import spec; azurerm_api_connection has no location argument (ARM takes it from the managed API)',
  },
  {
    type: 'azurerm_api_management',
    armType: 'Microsoft.ApiManagement/service',
    source:
      'azurerm docs, azurerm_api_management "Import": /subscriptions/.../providers/Microsoft.ApiManagement/service/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_app_configuration',
    armType: 'Microsoft.AppConfiguration/configurationStores',
    source:
      'azurerm docs, azurerm_app_configuration "Import": /subscriptions/.../providers/Microsoft.AppConfiguration/configurationStores/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_app_service_certificate_order',
    armType: 'Microsoft.CertificateRegistration/certificateOrders',
    source:
      'azurerm docs, azurerm_app_service_certificate_order "Import": /subscriptions/.../providers/Microsoft.CertificateRegistration/certificateOrders/{name}; magodo/aztft resmap import spec; location is always `global`, in ARM and in the azurerm argument',
  },
  {
    type: 'azurerm_application_insights_workbook',
    armType: 'Microsoft.Insights/workbooks',
    source:
      'azurerm docs, azurerm_application_insights_workbook "Import": /subscriptions/.../providers/Microsoft.Insights/workbooks/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_application_insights_workbook_template',
    armType: 'Microsoft.Insights/workbookTemplates',
    source:
      'azurerm docs, azurerm_application_insights_workbook_template "Import": /subscriptions/.../providers/Microsoft.Insights/workbookTemplates/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_application_load_balancer',
    armType: 'Microsoft.ServiceNetworking/trafficControllers',
    source:
      'azurerm docs, azurerm_application_load_balancer "Import": /subscriptions/.../providers/Microsoft.ServiceNetworking/trafficControllers/{name}; Application Gateway for Containers',
  },
  {
    type: 'azurerm_application_security_group',
    armType: 'Microsoft.Network/applicationSecurityGroups',
    source:
      'azurerm docs, azurerm_application_security_group "Import": /subscriptions/.../providers/Microsoft.Network/applicationSecurityGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_arc_kubernetes_cluster',
    armType: 'Microsoft.Kubernetes/connectedClusters',
    source:
      'azurerm docs, azurerm_arc_kubernetes_cluster "Import": /subscriptions/.../providers/Microsoft.Kubernetes/connectedClusters/{name}',
  },
  {
    type: 'azurerm_arc_machine',
    armType: 'Microsoft.HybridCompute/machines',
    source:
      'azurerm docs, azurerm_arc_machine "Import": /subscriptions/.../providers/Microsoft.HybridCompute/machines/{name}',
  },
  {
    type: 'azurerm_arc_private_link_scope',
    armType: 'Microsoft.HybridCompute/privateLinkScopes',
    source:
      'azurerm docs, azurerm_arc_private_link_scope "Import": /subscriptions/.../providers/Microsoft.HybridCompute/privateLinkScopes/{name}',
  },
  {
    type: 'azurerm_arc_resource_bridge_appliance',
    armType: 'Microsoft.ResourceConnector/appliances',
    source:
      'azurerm docs, azurerm_arc_resource_bridge_appliance "Import": /subscriptions/.../providers/Microsoft.ResourceConnector/appliances/{name}',
  },
  {
    type: 'azurerm_attestation_provider',
    armType: 'Microsoft.Attestation/attestationProviders',
    source:
      'azurerm docs, azurerm_attestation_provider "Import": /subscriptions/.../providers/Microsoft.Attestation/attestationProviders/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_automanage_configuration',
    armType: 'Microsoft.Automanage/configurationProfiles',
    source:
      'azurerm docs, azurerm_automanage_configuration "Import": /subscriptions/.../providers/Microsoft.Automanage/configurationProfiles/{name}',
  },
  {
    type: 'azurerm_automation_account',
    armType: 'Microsoft.Automation/automationAccounts',
    source:
      'azurerm docs, azurerm_automation_account "Import": /subscriptions/.../providers/Microsoft.Automation/automationAccounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_availability_set',
    armType: 'Microsoft.Compute/availabilitySets',
    source:
      'azurerm docs, azurerm_availability_set "Import": /subscriptions/.../providers/Microsoft.Compute/availabilitySets/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_bastion_host',
    armType: 'Microsoft.Network/bastionHosts',
    source:
      'azurerm docs, azurerm_bastion_host "Import": /subscriptions/.../providers/Microsoft.Network/bastionHosts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_batch_account',
    armType: 'Microsoft.Batch/batchAccounts',
    source:
      'azurerm docs, azurerm_batch_account "Import": /subscriptions/.../providers/Microsoft.Batch/batchAccounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_capacity_reservation_group',
    armType: 'Microsoft.Compute/capacityReservationGroups',
    source:
      'azurerm docs, azurerm_capacity_reservation_group "Import": /subscriptions/.../providers/Microsoft.Compute/capacityReservationGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_communication_service',
    armType: 'Microsoft.Communication/communicationServices',
    location: false,
    source:
      'azurerm docs, azurerm_communication_service "Import": /subscriptions/.../providers/Microsoft.Communication/communicationServices/{name}; magodo/aztft resmap import spec; ARM location is `global`; azurerm has data_location, no location',
  },
  {
    type: 'azurerm_confidential_ledger',
    armType: 'Microsoft.ConfidentialLedger/ledgers',
    source:
      'azurerm docs, azurerm_confidential_ledger "Import": /subscriptions/.../providers/Microsoft.ConfidentialLedger/ledgers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_container_app_job',
    armType: 'Microsoft.App/jobs',
    source:
      'azurerm docs, azurerm_container_app_job "Import": /subscriptions/.../providers/Microsoft.App/jobs/{name}',
  },
  {
    type: 'azurerm_container_group',
    armType: 'Microsoft.ContainerInstance/containerGroups',
    source:
      'azurerm docs, azurerm_container_group "Import": /subscriptions/.../providers/Microsoft.ContainerInstance/containerGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_cosmosdb_cassandra_cluster',
    armType: 'Microsoft.DocumentDB/cassandraClusters',
    source:
      'azurerm docs, azurerm_cosmosdb_cassandra_cluster "Import": /subscriptions/.../providers/Microsoft.DocumentDB/cassandraClusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_cosmosdb_postgresql_cluster',
    armType: 'Microsoft.DBforPostgreSQL/serverGroupsv2',
    source:
      'azurerm docs, azurerm_cosmosdb_postgresql_cluster "Import": /subscriptions/.../providers/Microsoft.DBforPostgreSQL/serverGroupsv2/{name}',
  },
  {
    type: 'azurerm_custom_ip_prefix',
    armType: 'Microsoft.Network/customIPPrefixes',
    source:
      'azurerm docs, azurerm_custom_ip_prefix "Import": /subscriptions/.../providers/Microsoft.Network/customIPPrefixes/{name}',
  },
  {
    type: 'azurerm_custom_provider',
    armType: 'Microsoft.CustomProviders/resourceProviders',
    source:
      'azurerm docs, azurerm_custom_provider "Import": /subscriptions/.../providers/Microsoft.CustomProviders/resourceProviders/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dashboard_grafana',
    armType: 'Microsoft.Dashboard/grafana',
    source:
      'azurerm docs, azurerm_dashboard_grafana "Import": /subscriptions/.../providers/Microsoft.Dashboard/grafana/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_data_factory',
    armType: 'Microsoft.DataFactory/factories',
    source:
      'azurerm docs, azurerm_data_factory "Import": /subscriptions/.../providers/Microsoft.DataFactory/factories/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_data_protection_backup_vault',
    armType: 'Microsoft.DataProtection/backupVaults',
    source:
      'azurerm docs, azurerm_data_protection_backup_vault "Import": /subscriptions/.../providers/Microsoft.DataProtection/backupVaults/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_data_protection_resource_guard',
    armType: 'Microsoft.DataProtection/resourceGuards',
    source:
      'azurerm docs, azurerm_data_protection_resource_guard "Import": /subscriptions/.../providers/Microsoft.DataProtection/resourceGuards/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_data_share_account',
    armType: 'Microsoft.DataShare/accounts',
    source:
      'azurerm docs, azurerm_data_share_account "Import": /subscriptions/.../providers/Microsoft.DataShare/accounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_database_migration_service',
    armType: 'Microsoft.DataMigration/services',
    source:
      'azurerm docs, azurerm_database_migration_service "Import": /subscriptions/.../providers/Microsoft.DataMigration/services/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_databricks_access_connector',
    armType: 'Microsoft.Databricks/accessConnectors',
    source:
      'azurerm docs, azurerm_databricks_access_connector "Import": /subscriptions/.../providers/Microsoft.Databricks/accessConnectors/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_databricks_workspace',
    armType: 'Microsoft.Databricks/workspaces',
    source:
      'azurerm docs, azurerm_databricks_workspace "Import": /subscriptions/.../providers/Microsoft.Databricks/workspaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_datadog_monitor',
    armType: 'Microsoft.Datadog/monitors',
    source:
      'azurerm docs, azurerm_datadog_monitor "Import": /subscriptions/.../providers/Microsoft.Datadog/monitors/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dedicated_hardware_security_module',
    armType: 'Microsoft.HardwareSecurityModules/dedicatedHSMs',
    source:
      'azurerm docs, azurerm_dedicated_hardware_security_module "Import": /subscriptions/.../providers/Microsoft.HardwareSecurityModules/dedicatedHSMs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dedicated_host_group',
    armType: 'Microsoft.Compute/hostGroups',
    source:
      'azurerm docs, azurerm_dedicated_host_group "Import": /subscriptions/.../providers/Microsoft.Compute/hostGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dev_center',
    armType: 'Microsoft.DevCenter/devCenters',
    source:
      'azurerm docs, azurerm_dev_center "Import": /subscriptions/.../providers/Microsoft.DevCenter/devCenters/{name}',
  },
  {
    type: 'azurerm_dev_center_network_connection',
    armType: 'Microsoft.DevCenter/networkConnections',
    source:
      'azurerm docs, azurerm_dev_center_network_connection "Import": /subscriptions/.../providers/Microsoft.DevCenter/networkConnections/{name}',
  },
  {
    type: 'azurerm_dev_center_project',
    armType: 'Microsoft.DevCenter/projects',
    source:
      'azurerm docs, azurerm_dev_center_project "Import": /subscriptions/.../providers/Microsoft.DevCenter/projects/{name}; a top-level resource that names its dev center in properties, not a child of it',
  },
  {
    type: 'azurerm_dev_test_global_vm_shutdown_schedule',
    armType: 'Microsoft.DevTestLab/schedules',
    source:
      'azurerm docs, azurerm_dev_test_global_vm_shutdown_schedule "Import": /subscriptions/.../providers/Microsoft.DevTestLab/schedules/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dev_test_lab',
    armType: 'Microsoft.DevTestLab/labs',
    source:
      'azurerm docs, azurerm_dev_test_lab "Import": /subscriptions/.../providers/Microsoft.DevTestLab/labs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_digital_twins_instance',
    armType: 'Microsoft.DigitalTwins/digitalTwinsInstances',
    source:
      'azurerm docs, azurerm_digital_twins_instance "Import": /subscriptions/.../providers/Microsoft.DigitalTwins/digitalTwinsInstances/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_disk_access',
    armType: 'Microsoft.Compute/diskAccesses',
    source:
      'azurerm docs, azurerm_disk_access "Import": /subscriptions/.../providers/Microsoft.Compute/diskAccesses/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_disk_encryption_set',
    armType: 'Microsoft.Compute/diskEncryptionSets',
    source:
      'azurerm docs, azurerm_disk_encryption_set "Import": /subscriptions/.../providers/Microsoft.Compute/diskEncryptionSets/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_dynatrace_monitor',
    armType: 'Dynatrace.Observability/monitors',
    source:
      'azurerm docs, azurerm_dynatrace_monitor "Import": /subscriptions/.../providers/Dynatrace.Observability/monitors/{name}',
  },
  {
    type: 'azurerm_elastic_cloud_elasticsearch',
    armType: 'Microsoft.Elastic/monitors',
    source:
      'azurerm docs, azurerm_elastic_cloud_elasticsearch "Import": /subscriptions/.../providers/Microsoft.Elastic/monitors/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_elastic_san',
    armType: 'Microsoft.ElasticSan/elasticSans',
    source:
      'azurerm docs, azurerm_elastic_san "Import": /subscriptions/.../providers/Microsoft.ElasticSan/elasticSans/{name}',
  },
  {
    type: 'azurerm_email_communication_service',
    armType: 'Microsoft.Communication/emailServices',
    location: false,
    source:
      'azurerm docs, azurerm_email_communication_service "Import": /subscriptions/.../providers/Microsoft.Communication/emailServices/{name}; azurerm has data_location, no location argument',
  },
  {
    type: 'azurerm_eventgrid_domain',
    armType: 'Microsoft.EventGrid/domains',
    source:
      'azurerm docs, azurerm_eventgrid_domain "Import": /subscriptions/.../providers/Microsoft.EventGrid/domains/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_eventgrid_namespace',
    armType: 'Microsoft.EventGrid/namespaces',
    source:
      'azurerm docs, azurerm_eventgrid_namespace "Import": /subscriptions/.../providers/Microsoft.EventGrid/namespaces/{name}',
  },
  {
    type: 'azurerm_eventgrid_system_topic',
    armType: 'Microsoft.EventGrid/systemTopics',
    source:
      'azurerm docs, azurerm_eventgrid_system_topic "Import": /subscriptions/.../providers/Microsoft.EventGrid/systemTopics/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_eventhub_cluster',
    armType: 'Microsoft.EventHub/clusters',
    source:
      'azurerm docs, azurerm_eventhub_cluster "Import": /subscriptions/.../providers/Microsoft.EventHub/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_express_route_circuit',
    armType: 'Microsoft.Network/expressRouteCircuits',
    source:
      'azurerm docs, azurerm_express_route_circuit "Import": /subscriptions/.../providers/Microsoft.Network/expressRouteCircuits/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_express_route_gateway',
    armType: 'Microsoft.Network/expressRouteGateways',
    source:
      'azurerm docs, azurerm_express_route_gateway "Import": /subscriptions/.../providers/Microsoft.Network/expressRouteGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_express_route_port',
    armType: 'Microsoft.Network/expressRoutePorts',
    source:
      'azurerm docs, azurerm_express_route_port "Import": /subscriptions/.../providers/Microsoft.Network/expressRoutePorts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_firewall',
    armType: 'Microsoft.Network/azureFirewalls',
    source:
      'azurerm docs, azurerm_firewall "Import": /subscriptions/.../providers/Microsoft.Network/azureFirewalls/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_firewall_policy',
    armType: 'Microsoft.Network/firewallPolicies',
    source:
      'azurerm docs, azurerm_firewall_policy "Import": /subscriptions/.../providers/Microsoft.Network/firewallPolicies/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_fluid_relay_server',
    armType: 'Microsoft.FluidRelay/fluidRelayServers',
    source:
      'azurerm docs, azurerm_fluid_relay_server "Import": /subscriptions/.../providers/Microsoft.FluidRelay/fluidRelayServers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_graph_services_account',
    armType: 'Microsoft.GraphServices/accounts',
    location: false,
    source:
      'azurerm docs, azurerm_graph_services_account "Import": /subscriptions/.../providers/Microsoft.GraphServices/accounts/{name}; azurerm_graph_services_account has no location argument',
  },
  {
    type: 'azurerm_healthbot',
    armType: 'Microsoft.HealthBot/healthBots',
    source:
      'azurerm docs, azurerm_healthbot "Import": /subscriptions/.../providers/Microsoft.HealthBot/healthBots/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_healthcare_service',
    armType: 'Microsoft.HealthcareApis/services',
    source:
      'azurerm docs, azurerm_healthcare_service "Import": /subscriptions/.../providers/Microsoft.HealthcareApis/services/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_healthcare_workspace',
    armType: 'Microsoft.HealthcareApis/workspaces',
    source:
      'azurerm docs, azurerm_healthcare_workspace "Import": /subscriptions/.../providers/Microsoft.HealthcareApis/workspaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_hpc_cache',
    armType: 'Microsoft.StorageCache/caches',
    source:
      'azurerm docs, azurerm_hpc_cache "Import": /subscriptions/.../providers/Microsoft.StorageCache/caches/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_image',
    armType: 'Microsoft.Compute/images',
    source:
      'azurerm docs, azurerm_image "Import": /subscriptions/.../providers/Microsoft.Compute/images/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_iot_security_solution',
    armType: 'Microsoft.Security/iotSecuritySolutions',
    source:
      'azurerm docs, azurerm_iot_security_solution "Import": /subscriptions/.../providers/Microsoft.Security/iotSecuritySolutions/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_iotcentral_application',
    armType: 'Microsoft.IoTCentral/iotApps',
    source:
      'azurerm docs, azurerm_iotcentral_application "Import": /subscriptions/.../providers/Microsoft.IoTCentral/iotApps/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_iothub',
    armType: 'Microsoft.Devices/IotHubs',
    source:
      'azurerm docs, azurerm_iothub "Import": /subscriptions/.../providers/Microsoft.Devices/IotHubs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_iothub_device_update_account',
    armType: 'Microsoft.DeviceUpdate/accounts',
    source:
      'azurerm docs, azurerm_iothub_device_update_account "Import": /subscriptions/.../providers/Microsoft.DeviceUpdate/accounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_iothub_dps',
    armType: 'Microsoft.Devices/provisioningServices',
    source:
      'azurerm docs, azurerm_iothub_dps "Import": /subscriptions/.../providers/Microsoft.Devices/provisioningServices/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_ip_group',
    armType: 'Microsoft.Network/ipGroups',
    source:
      'azurerm docs, azurerm_ip_group "Import": /subscriptions/.../providers/Microsoft.Network/ipGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_key_vault_managed_hardware_security_module',
    armType: 'Microsoft.KeyVault/managedHSMs',
    source:
      'azurerm docs, azurerm_key_vault_managed_hardware_security_module "Import": /subscriptions/.../providers/Microsoft.KeyVault/managedHSMs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_kubernetes_fleet_manager',
    armType: 'Microsoft.ContainerService/fleets',
    source:
      'azurerm docs, azurerm_kubernetes_fleet_manager "Import": /subscriptions/.../providers/Microsoft.ContainerService/fleets/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_kusto_cluster',
    armType: 'Microsoft.Kusto/clusters',
    source:
      'azurerm docs, azurerm_kusto_cluster "Import": /subscriptions/.../providers/Microsoft.Kusto/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_lab_service_lab',
    armType: 'Microsoft.LabServices/labs',
    source:
      'azurerm docs, azurerm_lab_service_lab "Import": /subscriptions/.../providers/Microsoft.LabServices/labs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_lab_service_plan',
    armType: 'Microsoft.LabServices/labPlans',
    source:
      'azurerm docs, azurerm_lab_service_plan "Import": /subscriptions/.../providers/Microsoft.LabServices/labPlans/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_load_test',
    armType: 'Microsoft.LoadTestService/loadTests',
    source:
      'azurerm docs, azurerm_load_test "Import": /subscriptions/.../providers/Microsoft.LoadTestService/loadTests/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_local_network_gateway',
    armType: 'Microsoft.Network/localNetworkGateways',
    source:
      'azurerm docs, azurerm_local_network_gateway "Import": /subscriptions/.../providers/Microsoft.Network/localNetworkGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_log_analytics_cluster',
    armType: 'Microsoft.OperationalInsights/clusters',
    source:
      'azurerm docs, azurerm_log_analytics_cluster "Import": /subscriptions/.../providers/Microsoft.OperationalInsights/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_log_analytics_query_pack',
    armType: 'Microsoft.OperationalInsights/queryPacks',
    source:
      'azurerm docs, azurerm_log_analytics_query_pack "Import": /subscriptions/.../providers/Microsoft.OperationalInsights/queryPacks/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_log_analytics_solution',
    armType: 'Microsoft.OperationsManagement/solutions',
    source:
      'azurerm docs, azurerm_log_analytics_solution "Import": /subscriptions/.../providers/Microsoft.OperationsManagement/solutions/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_logic_app_integration_account',
    armType: 'Microsoft.Logic/integrationAccounts',
    source:
      'azurerm docs, azurerm_logic_app_integration_account "Import": /subscriptions/.../providers/Microsoft.Logic/integrationAccounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_logic_app_workflow',
    armType: 'Microsoft.Logic/workflows',
    source:
      'azurerm docs, azurerm_logic_app_workflow "Import": /subscriptions/.../providers/Microsoft.Logic/workflows/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_maintenance_configuration',
    armType: 'Microsoft.Maintenance/maintenanceConfigurations',
    source:
      'azurerm docs, azurerm_maintenance_configuration "Import": /subscriptions/.../providers/Microsoft.Maintenance/maintenanceConfigurations/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_managed_application',
    armType: 'Microsoft.Solutions/applications',
    source:
      'azurerm docs, azurerm_managed_application "Import": /subscriptions/.../providers/Microsoft.Solutions/applications/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_managed_application_definition',
    armType: 'Microsoft.Solutions/applicationDefinitions',
    source:
      'azurerm docs, azurerm_managed_application_definition "Import": /subscriptions/.../providers/Microsoft.Solutions/applicationDefinitions/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_managed_devops_pool',
    armType: 'Microsoft.DevOpsInfrastructure/pools',
    source:
      'azurerm docs, azurerm_managed_devops_pool "Import": /subscriptions/.../providers/Microsoft.DevOpsInfrastructure/pools/{name}',
  },
  {
    type: 'azurerm_managed_lustre_file_system',
    armType: 'Microsoft.StorageCache/amlFilesystems',
    source:
      'azurerm docs, azurerm_managed_lustre_file_system "Import": /subscriptions/.../providers/Microsoft.StorageCache/amlFilesystems/{name}; read by internal/services/storagecache/managed_lustre_file_system_resource.go',
  },
  {
    type: 'azurerm_maps_account',
    armType: 'Microsoft.Maps/accounts',
    source:
      'azurerm docs, azurerm_maps_account "Import": /subscriptions/.../providers/Microsoft.Maps/accounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_mariadb_server',
    armType: 'Microsoft.DBforMariaDB/servers',
    source:
      'azurerm docs, azurerm_mariadb_server "Import": /subscriptions/.../providers/Microsoft.DBforMariaDB/servers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_mobile_network',
    armType: 'Microsoft.MobileNetwork/mobileNetworks',
    source:
      'azurerm docs, azurerm_mobile_network "Import": /subscriptions/.../providers/Microsoft.MobileNetwork/mobileNetworks/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_mobile_network_sim_group',
    armType: 'Microsoft.MobileNetwork/simGroups',
    source:
      'azurerm docs, azurerm_mobile_network_sim_group "Import": /subscriptions/.../providers/Microsoft.MobileNetwork/simGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_mongo_cluster',
    armType: 'Microsoft.DocumentDB/mongoClusters',
    source:
      'azurerm docs, azurerm_mongo_cluster "Import": /subscriptions/.../providers/Microsoft.DocumentDB/mongoClusters/{name}; Azure Cosmos DB for MongoDB (vCore), not a database account',
  },
  {
    type: 'azurerm_monitor_action_group',
    armType: 'Microsoft.Insights/actionGroups',
    source:
      'azurerm docs, azurerm_monitor_action_group "Import": /subscriptions/.../providers/Microsoft.Insights/actionGroups/{name}; magodo/aztft resmap import spec; location defaults to `global` in azurerm, as ARM returns it',
  },
  {
    type: 'azurerm_monitor_activity_log_alert',
    armType: 'Microsoft.Insights/activityLogAlerts',
    source:
      'azurerm docs, azurerm_monitor_activity_log_alert "Import": /subscriptions/.../providers/Microsoft.Insights/activityLogAlerts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_monitor_alert_prometheus_rule_group',
    armType: 'Microsoft.AlertsManagement/prometheusRuleGroups',
    source:
      'azurerm docs, azurerm_monitor_alert_prometheus_rule_group "Import": /subscriptions/.../providers/Microsoft.AlertsManagement/prometheusRuleGroups/{name}',
  },
  {
    type: 'azurerm_monitor_autoscale_setting',
    armType: 'Microsoft.Insights/autoscaleSettings',
    source:
      'azurerm docs, azurerm_monitor_autoscale_setting "Import": /subscriptions/.../providers/Microsoft.Insights/autoscaleSettings/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_monitor_data_collection_endpoint',
    armType: 'Microsoft.Insights/dataCollectionEndpoints',
    source:
      'azurerm docs, azurerm_monitor_data_collection_endpoint "Import": /subscriptions/.../providers/Microsoft.Insights/dataCollectionEndpoints/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_monitor_data_collection_rule',
    armType: 'Microsoft.Insights/dataCollectionRules',
    source:
      'azurerm docs, azurerm_monitor_data_collection_rule "Import": /subscriptions/.../providers/Microsoft.Insights/dataCollectionRules/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_monitor_metric_alert',
    armType: 'Microsoft.Insights/metricAlerts',
    location: false,
    source:
      'azurerm docs, azurerm_monitor_metric_alert "Import": /subscriptions/.../providers/Microsoft.Insights/metricAlerts/{name}; magodo/aztft resmap import spec; ARM location is `global`; azurerm_monitor_metric_alert has no location attribute',
  },
  {
    type: 'azurerm_monitor_private_link_scope',
    armType: 'Microsoft.Insights/privateLinkScopes',
    location: false,
    source:
      'azurerm docs, azurerm_monitor_private_link_scope "Import": /subscriptions/.../providers/Microsoft.Insights/privateLinkScopes/{name}; magodo/aztft resmap import spec; ARM location is `global`; azurerm_monitor_private_link_scope has no location attribute',
  },
  {
    type: 'azurerm_monitor_smart_detector_alert_rule',
    armType: 'Microsoft.AlertsManagement/smartDetectorAlertRules',
    location: false,
    source:
      'azurerm docs, azurerm_monitor_smart_detector_alert_rule "Import": /subscriptions/.../providers/Microsoft.AlertsManagement/smartDetectorAlertRules/{name}; magodo/aztft resmap import spec; ARM location is `global`; azurerm has no location attribute',
  },
  {
    type: 'azurerm_monitor_workspace',
    armType: 'Microsoft.Monitor/accounts',
    source:
      'azurerm docs, azurerm_monitor_workspace "Import": /subscriptions/.../providers/Microsoft.Monitor/accounts/{name}',
  },
  {
    type: 'azurerm_mssql_managed_instance',
    armType: 'Microsoft.Sql/managedInstances',
    source:
      'azurerm docs, azurerm_mssql_managed_instance "Import": /subscriptions/.../providers/Microsoft.Sql/managedInstances/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_nat_gateway',
    armType: 'Microsoft.Network/natGateways',
    source:
      'azurerm docs, azurerm_nat_gateway "Import": /subscriptions/.../providers/Microsoft.Network/natGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_netapp_account',
    armType: 'Microsoft.NetApp/netAppAccounts',
    source:
      'azurerm docs, azurerm_netapp_account "Import": /subscriptions/.../providers/Microsoft.NetApp/netAppAccounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_network_ddos_protection_plan',
    armType: 'Microsoft.Network/ddosProtectionPlans',
    source:
      'azurerm docs, azurerm_network_ddos_protection_plan "Import": /subscriptions/.../providers/Microsoft.Network/ddosProtectionPlans/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_network_function_azure_traffic_collector',
    armType: 'Microsoft.NetworkFunction/azureTrafficCollectors',
    source:
      'azurerm docs, azurerm_network_function_azure_traffic_collector "Import": /subscriptions/.../providers/Microsoft.NetworkFunction/azureTrafficCollectors/{name}',
  },
  {
    type: 'azurerm_network_manager',
    armType: 'Microsoft.Network/networkManagers',
    source:
      'azurerm docs, azurerm_network_manager "Import": /subscriptions/.../providers/Microsoft.Network/networkManagers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_network_profile',
    armType: 'Microsoft.Network/networkProfiles',
    source:
      'azurerm docs, azurerm_network_profile "Import": /subscriptions/.../providers/Microsoft.Network/networkProfiles/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_network_security_perimeter',
    armType: 'Microsoft.Network/networkSecurityPerimeters',
    source:
      'azurerm docs, azurerm_network_security_perimeter "Import": /subscriptions/.../providers/Microsoft.Network/networkSecurityPerimeters/{name}; its profiles and associations are child resources, left out',
  },
  {
    type: 'azurerm_network_watcher',
    armType: 'Microsoft.Network/networkWatchers',
    source:
      'azurerm docs, azurerm_network_watcher "Import": /subscriptions/.../providers/Microsoft.Network/networkWatchers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_nginx_deployment',
    armType: 'Nginx.NginxPlus/nginxDeployments',
    source:
      'azurerm docs, azurerm_nginx_deployment "Import": /subscriptions/.../providers/Nginx.NginxPlus/nginxDeployments/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_notification_hub_namespace',
    armType: 'Microsoft.NotificationHubs/namespaces',
    source:
      'azurerm docs, azurerm_notification_hub_namespace "Import": /subscriptions/.../providers/Microsoft.NotificationHubs/namespaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_oracle_autonomous_database',
    armType: 'Oracle.Database/autonomousDatabases',
    source:
      'azurerm docs, azurerm_oracle_autonomous_database "Import": /subscriptions/.../providers/Oracle.Database/autonomousDatabases/{name}',
  },
  {
    type: 'azurerm_oracle_cloud_vm_cluster',
    armType: 'Oracle.Database/cloudVmClusters',
    source:
      'azurerm docs, azurerm_oracle_cloud_vm_cluster "Import": /subscriptions/.../providers/Oracle.Database/cloudVmClusters/{name}',
  },
  {
    type: 'azurerm_oracle_exadata_infrastructure',
    armType: 'Oracle.Database/cloudExadataInfrastructures',
    source:
      'azurerm docs, azurerm_oracle_exadata_infrastructure "Import": /subscriptions/.../providers/Oracle.Database/cloudExadataInfrastructures/{name}',
  },
  {
    type: 'azurerm_point_to_site_vpn_gateway',
    armType: 'Microsoft.Network/p2sVpnGateways',
    source:
      'azurerm docs, azurerm_point_to_site_vpn_gateway "Import": /subscriptions/.../providers/Microsoft.Network/p2sVpnGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_portal_dashboard',
    armType: 'Microsoft.Portal/dashboards',
    source:
      'azurerm docs, azurerm_portal_dashboard "Import": /subscriptions/.../providers/Microsoft.Portal/dashboards/{name}; magodo/aztft resmap import spec; the older azurerm_dashboard (same ARM type) was removed in azurerm 4.0 and is left out',
  },
  {
    type: 'azurerm_powerbi_embedded',
    armType: 'Microsoft.PowerBIDedicated/capacities',
    source:
      'azurerm docs, azurerm_powerbi_embedded "Import": /subscriptions/.../providers/Microsoft.PowerBIDedicated/capacities/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_private_dns_resolver',
    armType: 'Microsoft.Network/dnsResolvers',
    source:
      'azurerm docs, azurerm_private_dns_resolver "Import": /subscriptions/.../providers/Microsoft.Network/dnsResolvers/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_private_dns_resolver_dns_forwarding_ruleset',
    armType: 'Microsoft.Network/dnsForwardingRulesets',
    source:
      'azurerm docs, azurerm_private_dns_resolver_dns_forwarding_ruleset "Import": /subscriptions/.../providers/Microsoft.Network/dnsForwardingRulesets/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_private_link_service',
    armType: 'Microsoft.Network/privateLinkServices',
    source:
      'azurerm docs, azurerm_private_link_service "Import": /subscriptions/.../providers/Microsoft.Network/privateLinkServices/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_proximity_placement_group',
    armType: 'Microsoft.Compute/proximityPlacementGroups',
    source:
      'azurerm docs, azurerm_proximity_placement_group "Import": /subscriptions/.../providers/Microsoft.Compute/proximityPlacementGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_public_ip_prefix',
    armType: 'Microsoft.Network/publicIPPrefixes',
    source:
      'azurerm docs, azurerm_public_ip_prefix "Import": /subscriptions/.../providers/Microsoft.Network/publicIPPrefixes/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_purview_account',
    armType: 'Microsoft.Purview/accounts',
    source:
      'azurerm docs, azurerm_purview_account "Import": /subscriptions/.../providers/Microsoft.Purview/accounts/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_recovery_services_vault',
    armType: 'Microsoft.RecoveryServices/vaults',
    source:
      'azurerm docs, azurerm_recovery_services_vault "Import": /subscriptions/.../providers/Microsoft.RecoveryServices/vaults/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_redhat_openshift_cluster',
    armType: 'Microsoft.RedHatOpenShift/openShiftClusters',
    source:
      'azurerm docs, azurerm_redhat_openshift_cluster "Import": /subscriptions/.../providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}',
  },
  {
    type: 'azurerm_relay_namespace',
    armType: 'Microsoft.Relay/namespaces',
    source:
      'azurerm docs, azurerm_relay_namespace "Import": /subscriptions/.../providers/Microsoft.Relay/namespaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_route_filter',
    armType: 'Microsoft.Network/routeFilters',
    source:
      'azurerm docs, azurerm_route_filter "Import": /subscriptions/.../providers/Microsoft.Network/routeFilters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_route_table',
    armType: 'Microsoft.Network/routeTables',
    source:
      'azurerm docs, azurerm_route_table "Import": /subscriptions/.../providers/Microsoft.Network/routeTables/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_search_service',
    armType: 'Microsoft.Search/searchServices',
    source:
      'azurerm docs, azurerm_search_service "Import": /subscriptions/.../providers/Microsoft.Search/searchServices/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_security_center_automation',
    armType: 'Microsoft.Security/automations',
    source:
      'azurerm docs, azurerm_security_center_automation "Import": /subscriptions/.../providers/Microsoft.Security/automations/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_service_fabric_cluster',
    armType: 'Microsoft.ServiceFabric/clusters',
    source:
      'azurerm docs, azurerm_service_fabric_cluster "Import": /subscriptions/.../providers/Microsoft.ServiceFabric/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_service_fabric_managed_cluster',
    armType: 'Microsoft.ServiceFabric/managedClusters',
    source:
      'azurerm docs, azurerm_service_fabric_managed_cluster "Import": /subscriptions/.../providers/Microsoft.ServiceFabric/managedClusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_shared_image_gallery',
    armType: 'Microsoft.Compute/galleries',
    source:
      'azurerm docs, azurerm_shared_image_gallery "Import": /subscriptions/.../providers/Microsoft.Compute/galleries/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_signalr_service',
    armType: 'Microsoft.SignalRService/signalR',
    source:
      'azurerm docs, azurerm_signalr_service "Import": /subscriptions/.../providers/Microsoft.SignalRService/signalR/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_snapshot',
    armType: 'Microsoft.Compute/snapshots',
    source:
      'azurerm docs, azurerm_snapshot "Import": /subscriptions/.../providers/Microsoft.Compute/snapshots/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_ssh_public_key',
    armType: 'Microsoft.Compute/sshPublicKeys',
    source:
      'azurerm docs, azurerm_ssh_public_key "Import": /subscriptions/.../providers/Microsoft.Compute/sshPublicKeys/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_stack_hci_cluster',
    armType: 'Microsoft.AzureStackHCI/clusters',
    source:
      'azurerm docs, azurerm_stack_hci_cluster "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_stack_hci_logical_network',
    armType: 'Microsoft.AzureStackHCI/logicalNetworks',
    source:
      'azurerm docs, azurerm_stack_hci_logical_network "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/logicalNetworks/{name}; placed at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_stack_hci_marketplace_gallery_image',
    armType: 'Microsoft.AzureStackHCI/marketplaceGalleryImages',
    source:
      'azurerm docs, azurerm_stack_hci_marketplace_gallery_image "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/marketplaceGalleryImages/{name}; placed at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_stack_hci_network_interface',
    armType: 'Microsoft.AzureStackHCI/networkInterfaces',
    source:
      'azurerm docs, azurerm_stack_hci_network_interface "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/networkInterfaces/{name}; placed at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_stack_hci_storage_path',
    armType: 'Microsoft.AzureStackHCI/storageContainers',
    source:
      'azurerm docs, azurerm_stack_hci_storage_path "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/storageContainers/{name}; placed at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_stack_hci_virtual_hard_disk',
    armType: 'Microsoft.AzureStackHCI/virtualHardDisks',
    source:
      'azurerm docs, azurerm_stack_hci_virtual_hard_disk "Import": /subscriptions/.../providers/Microsoft.AzureStackHCI/virtualHardDisks/{name}; placed at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_static_web_app',
    armType: 'Microsoft.Web/staticSites',
    source:
      'azurerm docs, azurerm_static_web_app "Import": /subscriptions/.../providers/Microsoft.Web/staticSites/{name}; the older azurerm_static_site (same ARM type) was removed in azurerm 4.0 and is left out',
  },
  {
    type: 'azurerm_storage_mover',
    armType: 'Microsoft.StorageMover/storageMovers',
    source:
      'azurerm docs, azurerm_storage_mover "Import": /subscriptions/.../providers/Microsoft.StorageMover/storageMovers/{name}',
  },
  {
    type: 'azurerm_storage_sync',
    armType: 'Microsoft.StorageSync/storageSyncServices',
    source:
      'azurerm docs, azurerm_storage_sync "Import": /subscriptions/.../providers/Microsoft.StorageSync/storageSyncServices/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_stream_analytics_cluster',
    armType: 'Microsoft.StreamAnalytics/clusters',
    source:
      'azurerm docs, azurerm_stream_analytics_cluster "Import": /subscriptions/.../providers/Microsoft.StreamAnalytics/clusters/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_stream_analytics_job',
    armType: 'Microsoft.StreamAnalytics/streamingJobs',
    source:
      'azurerm docs, azurerm_stream_analytics_job "Import": /subscriptions/.../providers/Microsoft.StreamAnalytics/streamingJobs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_subnet_service_endpoint_storage_policy',
    armType: 'Microsoft.Network/serviceEndpointPolicies',
    source:
      'azurerm docs, azurerm_subnet_service_endpoint_storage_policy "Import": /subscriptions/.../providers/Microsoft.Network/serviceEndpointPolicies/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_synapse_private_link_hub',
    armType: 'Microsoft.Synapse/privateLinkHubs',
    source:
      'azurerm docs, azurerm_synapse_private_link_hub "Import": /subscriptions/.../providers/Microsoft.Synapse/privateLinkHubs/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_synapse_workspace',
    armType: 'Microsoft.Synapse/workspaces',
    source:
      'azurerm docs, azurerm_synapse_workspace "Import": /subscriptions/.../providers/Microsoft.Synapse/workspaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_system_center_virtual_machine_manager_availability_set',
    armType: 'Microsoft.ScVmm/availabilitySets',
    source:
      'azurerm docs, azurerm_system_center_virtual_machine_manager_availability_set "Import": /subscriptions/.../providers/Microsoft.ScVmm/availabilitySets/{name}; an Arc-enabled SCVMM resource at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_system_center_virtual_machine_manager_cloud',
    armType: 'Microsoft.ScVmm/clouds',
    source:
      'azurerm docs, azurerm_system_center_virtual_machine_manager_cloud "Import": /subscriptions/.../providers/Microsoft.ScVmm/clouds/{name}; an Arc-enabled SCVMM resource at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_system_center_virtual_machine_manager_server',
    armType: 'Microsoft.ScVmm/vmmServers',
    source:
      'azurerm docs, azurerm_system_center_virtual_machine_manager_server "Import": /subscriptions/.../providers/Microsoft.ScVmm/vmmServers/{name}; an Arc-enabled SCVMM resource at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_system_center_virtual_machine_manager_virtual_machine_template',
    armType: 'Microsoft.ScVmm/virtualMachineTemplates',
    source:
      'azurerm docs, azurerm_system_center_virtual_machine_manager_virtual_machine_template "Import": /subscriptions/.../providers/Microsoft.ScVmm/virtualMachineTemplates/{name}; an Arc-enabled SCVMM resource at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_system_center_virtual_machine_manager_virtual_network',
    armType: 'Microsoft.ScVmm/virtualNetworks',
    source:
      'azurerm docs, azurerm_system_center_virtual_machine_manager_virtual_network "Import": /subscriptions/.../providers/Microsoft.ScVmm/virtualNetworks/{name}; an Arc-enabled SCVMM resource at a custom location (extendedLocation); location is its Azure region',
  },
  {
    type: 'azurerm_traffic_manager_profile',
    armType: 'Microsoft.Network/trafficManagerProfiles',
    location: false,
    source:
      'azurerm docs, azurerm_traffic_manager_profile "Import": /subscriptions/.../providers/Microsoft.Network/trafficManagerProfiles/{name}; magodo/aztft resmap import spec; ARM location is `global`; azurerm_traffic_manager_profile has no location attribute',
  },
  {
    type: 'azurerm_trusted_signing_account',
    armType: 'Microsoft.CodeSigning/codeSigningAccounts',
    source:
      'azurerm docs, azurerm_trusted_signing_account "Import": /subscriptions/.../providers/Microsoft.CodeSigning/codeSigningAccounts/{name}',
  },
  {
    type: 'azurerm_video_indexer_account',
    armType: 'Microsoft.VideoIndexer/accounts',
    source:
      'azurerm docs, azurerm_video_indexer_account "Import": /subscriptions/.../providers/Microsoft.VideoIndexer/accounts/{name}; the ARM-based account, not a classic Video Indexer account',
  },
  {
    type: 'azurerm_virtual_desktop_application_group',
    armType: 'Microsoft.DesktopVirtualization/applicationGroups',
    source:
      'azurerm docs, azurerm_virtual_desktop_application_group "Import": /subscriptions/.../providers/Microsoft.DesktopVirtualization/applicationGroups/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_desktop_host_pool',
    armType: 'Microsoft.DesktopVirtualization/hostPools',
    source:
      'azurerm docs, azurerm_virtual_desktop_host_pool "Import": /subscriptions/.../providers/Microsoft.DesktopVirtualization/hostPools/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_desktop_scaling_plan',
    armType: 'Microsoft.DesktopVirtualization/scalingPlans',
    source:
      'azurerm docs, azurerm_virtual_desktop_scaling_plan "Import": /subscriptions/.../providers/Microsoft.DesktopVirtualization/scalingPlans/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_desktop_workspace',
    armType: 'Microsoft.DesktopVirtualization/workspaces',
    source:
      'azurerm docs, azurerm_virtual_desktop_workspace "Import": /subscriptions/.../providers/Microsoft.DesktopVirtualization/workspaces/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_hub_security_partner_provider',
    armType: 'Microsoft.Network/securityPartnerProviders',
    source:
      'azurerm docs, azurerm_virtual_hub_security_partner_provider "Import": /subscriptions/.../providers/Microsoft.Network/securityPartnerProviders/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_machine_restore_point_collection',
    armType: 'Microsoft.Compute/restorePointCollections',
    source:
      'azurerm docs, azurerm_virtual_machine_restore_point_collection "Import": /subscriptions/.../providers/Microsoft.Compute/restorePointCollections/{name}; its restore points (azurerm_virtual_machine_restore_point) are child resources, left out',
  },
  {
    type: 'azurerm_virtual_machine_scale_set_standby_pool',
    armType: 'Microsoft.StandbyPool/standbyVirtualMachinePools',
    source:
      'azurerm docs, azurerm_virtual_machine_scale_set_standby_pool "Import": /subscriptions/.../providers/Microsoft.StandbyPool/standbyVirtualMachinePools/{name}',
  },
  {
    type: 'azurerm_virtual_network_gateway',
    armType: 'Microsoft.Network/virtualNetworkGateways',
    source:
      'azurerm docs, azurerm_virtual_network_gateway "Import": /subscriptions/.../providers/Microsoft.Network/virtualNetworkGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_network_gateway_connection',
    armType: 'Microsoft.Network/connections',
    source:
      'azurerm docs, azurerm_virtual_network_gateway_connection "Import": /subscriptions/.../providers/Microsoft.Network/connections/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_virtual_wan',
    armType: 'Microsoft.Network/virtualWans',
    source:
      'azurerm docs, azurerm_virtual_wan "Import": /subscriptions/.../providers/Microsoft.Network/virtualWans/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_vmware_private_cloud',
    armType: 'Microsoft.AVS/privateClouds',
    source:
      'azurerm docs, azurerm_vmware_private_cloud "Import": /subscriptions/.../providers/Microsoft.AVS/privateClouds/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_vpn_gateway',
    armType: 'Microsoft.Network/vpnGateways',
    source:
      'azurerm docs, azurerm_vpn_gateway "Import": /subscriptions/.../providers/Microsoft.Network/vpnGateways/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_vpn_server_configuration',
    armType: 'Microsoft.Network/vpnServerConfigurations',
    source:
      'azurerm docs, azurerm_vpn_server_configuration "Import": /subscriptions/.../providers/Microsoft.Network/vpnServerConfigurations/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_vpn_site',
    armType: 'Microsoft.Network/vpnSites',
    source:
      'azurerm docs, azurerm_vpn_site "Import": /subscriptions/.../providers/Microsoft.Network/vpnSites/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_web_application_firewall_policy',
    armType: 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
    source:
      'azurerm docs, azurerm_web_application_firewall_policy "Import": /subscriptions/.../providers/Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies/{name}; magodo/aztft resmap import spec',
  },
  {
    type: 'azurerm_web_pubsub',
    armType: 'Microsoft.SignalRService/webPubSub',
    source:
      'azurerm docs, azurerm_web_pubsub "Import": /subscriptions/.../providers/Microsoft.SignalRService/webPubSub/{name}; magodo/aztft resmap import spec',
  },
];

export const ARM_TABLE_TYPES: readonly ResourceType[] = ARM_TABLE.map(armTableType);
