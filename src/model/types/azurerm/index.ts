import type { ResourceType } from '../resource-type.js';
import { applicationInsights } from './application-insights.js';
import { containerRegistry } from './container-registry.js';
import { cosmosdbAccount } from './cosmosdb-account.js';
import { eventhubNamespace } from './eventhub-namespace.js';
import { keyVault } from './key-vault.js';
import { kubernetesCluster } from './kubernetes-cluster.js';
import { linuxFunctionApp } from './linux-function-app.js';
import { linuxVirtualMachine } from './linux-virtual-machine.js';
import { linuxWebApp } from './linux-web-app.js';
import { logAnalyticsWorkspace } from './log-analytics-workspace.js';
import { managedDisk } from './managed-disk.js';
import { mssqlDatabase } from './mssql-database.js';
import { mssqlServer } from './mssql-server.js';
import { mysqlFlexibleServer } from './mysql-flexible-server.js';
import { networkSecurityGroup } from './network-security-group.js';
import { networkSecurityRule } from './network-security-rule.js';
import { postgresqlFlexibleServer } from './postgresql-flexible-server.js';
import { publicIp } from './public-ip.js';
import { redisCache } from './redis-cache.js';
import { resourceGroup } from './resource-group.js';
import { roleAssignment } from './role-assignment.js';
import { roleDefinition } from './role-definition.js';
import { servicebusNamespace } from './servicebus-namespace.js';
import { storageAccount } from './storage-account.js';
import { subnet } from './subnet.js';
import { ARM_TABLE_TYPES } from './table/index.js';
import { userAssignedIdentity } from './user-assigned-identity.js';
import { virtualNetwork } from './virtual-network.js';
import { windowsFunctionApp } from './windows-function-app.js';
import { windowsVirtualMachine } from './windows-virtual-machine.js';
import { windowsWebApp } from './windows-web-app.js';

/**
 * Every azurerm type module, one file each in this folder (code they share lives in ./shared/); the conformance
 * test checks the two agree.
 */
export const AZURERM_TYPES: readonly ResourceType[] = [
  applicationInsights,
  containerRegistry,
  cosmosdbAccount,
  eventhubNamespace,
  keyVault,
  kubernetesCluster,
  linuxFunctionApp,
  linuxVirtualMachine,
  linuxWebApp,
  logAnalyticsWorkspace,
  managedDisk,
  mssqlDatabase,
  mssqlServer,
  mysqlFlexibleServer,
  networkSecurityGroup,
  networkSecurityRule,
  postgresqlFlexibleServer,
  publicIp,
  redisCache,
  resourceGroup,
  roleAssignment,
  roleDefinition,
  servicebusNamespace,
  storageAccount,
  subnet,
  userAssignedIdentity,
  virtualNetwork,
  windowsFunctionApp,
  windowsVirtualMachine,
  windowsWebApp,
  ...ARM_TABLE_TYPES,
];
