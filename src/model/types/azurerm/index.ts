import type { ResourceType } from '../resource-type.js';
import { appService } from './app-service.js';
import { applicationGateway } from './application-gateway.js';
import { applicationInsights } from './application-insights.js';
import { cdnFrontdoorCustomDomain } from './cdn-frontdoor-custom-domain.js';
import { containerApp } from './container-app.js';
import { containerAppEnvironment } from './container-app-environment.js';
import { containerRegistry } from './container-registry.js';
import { cosmosdbAccount } from './cosmosdb-account.js';
import { dnsZone } from './dns-zone.js';
import { eventgridEventSubscription } from './eventgrid-event-subscription.js';
import { eventgridTopic } from './eventgrid-topic.js';
import { eventhub } from './eventhub.js';
import { eventhubNamespace } from './eventhub-namespace.js';
import { functionApp } from './function-app.js';
import { keyVault } from './key-vault.js';
import { keyVaultAccessPolicy } from './key-vault-access-policy.js';
import { kubernetesCluster } from './kubernetes-cluster.js';
import { lb } from './lb.js';
import { linuxFunctionApp } from './linux-function-app.js';
import { linuxVirtualMachine } from './linux-virtual-machine.js';
import { linuxVirtualMachineScaleSet } from './linux-virtual-machine-scale-set.js';
import { linuxWebApp } from './linux-web-app.js';
import { logAnalyticsWorkspace } from './log-analytics-workspace.js';
import { managedDisk } from './managed-disk.js';
import { managementGroupPolicyAssignment } from './management-group-policy-assignment.js';
import { mssqlDatabase } from './mssql-database.js';
import { mssqlServer } from './mssql-server.js';
import { mssqlServerTransparentDataEncryption } from './mssql-server-transparent-data-encryption.js';
import { mysqlFlexibleServer } from './mysql-flexible-server.js';
import { mysqlFlexibleServerConfiguration } from './mysql-flexible-server-configuration.js';
import { mysqlServer } from './mysql-server.js';
import { networkInterface } from './network-interface.js';
import { networkSecurityGroup } from './network-security-group.js';
import { networkSecurityRule } from './network-security-rule.js';
import { postgresqlFlexibleServer } from './postgresql-flexible-server.js';
import { postgresqlFlexibleServerConfiguration } from './postgresql-flexible-server-configuration.js';
import { postgresqlServer } from './postgresql-server.js';
import { privateDnsZone } from './private-dns-zone.js';
import { privateEndpoint } from './private-endpoint.js';
import { publicIp } from './public-ip.js';
import { redisCache } from './redis-cache.js';
import { resourceGroup } from './resource-group.js';
import { resourceGroupPolicyAssignment } from './resource-group-policy-assignment.js';
import { resourcePolicyAssignment } from './resource-policy-assignment.js';
import { roleAssignment } from './role-assignment.js';
import { roleDefinition } from './role-definition.js';
import { servicePlan } from './service-plan.js';
import { servicebusNamespace } from './servicebus-namespace.js';
import { servicebusQueue } from './servicebus-queue.js';
import { servicebusTopic } from './servicebus-topic.js';
import { storageAccount } from './storage-account.js';
import { storageContainer } from './storage-container.js';
import { subnet } from './subnet.js';
import { subscriptionPolicyAssignment } from './subscription-policy-assignment.js';
import { ARM_TABLE_TYPES } from './table/index.js';
import { userAssignedIdentity } from './user-assigned-identity.js';
import { virtualNetwork } from './virtual-network.js';
import { windowsFunctionApp } from './windows-function-app.js';
import { windowsVirtualMachine } from './windows-virtual-machine.js';
import { windowsVirtualMachineScaleSet } from './windows-virtual-machine-scale-set.js';
import { windowsWebApp } from './windows-web-app.js';

/**
 * Every azurerm type module, one file each in this folder (code they share lives in ./shared/); the conformance
 * test checks the two agree.
 */
export const AZURERM_TYPES: readonly ResourceType[] = [
  appService,
  applicationGateway,
  applicationInsights,
  cdnFrontdoorCustomDomain,
  containerApp,
  containerAppEnvironment,
  containerRegistry,
  cosmosdbAccount,
  dnsZone,
  eventgridEventSubscription,
  eventgridTopic,
  eventhub,
  eventhubNamespace,
  functionApp,
  keyVault,
  keyVaultAccessPolicy,
  kubernetesCluster,
  lb,
  linuxFunctionApp,
  linuxVirtualMachine,
  linuxVirtualMachineScaleSet,
  linuxWebApp,
  logAnalyticsWorkspace,
  managedDisk,
  managementGroupPolicyAssignment,
  mssqlDatabase,
  mssqlServer,
  mssqlServerTransparentDataEncryption,
  mysqlFlexibleServer,
  mysqlFlexibleServerConfiguration,
  mysqlServer,
  networkInterface,
  networkSecurityGroup,
  networkSecurityRule,
  postgresqlFlexibleServer,
  postgresqlFlexibleServerConfiguration,
  postgresqlServer,
  privateDnsZone,
  privateEndpoint,
  publicIp,
  redisCache,
  resourceGroup,
  resourceGroupPolicyAssignment,
  resourcePolicyAssignment,
  roleAssignment,
  roleDefinition,
  servicePlan,
  servicebusNamespace,
  servicebusQueue,
  servicebusTopic,
  storageAccount,
  storageContainer,
  subnet,
  subscriptionPolicyAssignment,
  userAssignedIdentity,
  virtualNetwork,
  windowsFunctionApp,
  windowsVirtualMachine,
  windowsVirtualMachineScaleSet,
  windowsWebApp,
  ...ARM_TABLE_TYPES,
];
