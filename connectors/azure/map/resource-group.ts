import type { Value } from '../../../src/model/value.js';
import { lastSegmentOf, normaliseLocation, put, tagsOf } from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Resources/resourceGroups -> azurerm_resource_group.
 *
 * Shape: the ResourceGroup definition in Azure/azure-rest-api-specs `resources/resource-manager/
 * Microsoft.Resources/stable/<version>/resources.json` (learn.microsoft.com REST "Resource Groups - Get"):
 * `{id, name, type, location, managedBy?, tags?, properties{provisioningState}}`. Resource Graph lists the same
 * shape in its `ResourceContainers` table as type `microsoft.resources/subscriptions/resourcegroups` (learn.microsoft.com
 * "Resource Graph table and resource type reference"), with `subscriptionId` and `resourceGroup` columns besides.
 */
export const resourceGroupMapping: ArmTypeMapping = {
  armType: 'Microsoft.Resources/resourceGroups',
  graphType: 'microsoft.resources/subscriptions/resourcegroups',
  terraformTypes: ['azurerm_resource_group'],
  map: mapResourceGroup,
};

function mapResourceGroup(resource: ArmResource): MappedResource {
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', resource.name ?? lastSegmentOf(resource.id));
  put(attributes, 'location', normaliseLocation(resource.location));
  put(attributes, 'tags', tagsOf(resource));
  return { id: resource.id, terraformType: 'azurerm_resource_group', attributes };
}
