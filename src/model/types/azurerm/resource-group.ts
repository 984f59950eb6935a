import * as arm from '../read/arm.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * azurerm_resource_group, from Microsoft.Resources/resourceGroups.
 *
 * ARM shape: the ResourceGroup definition in Azure/azure-rest-api-specs `resources/resource-manager/
 * Microsoft.Resources/stable/<version>/resources.json` ("Resource Groups - Get"): `{id, name, type, location,
 * managedBy?, tags?, properties{provisioningState}}`. Resource Graph lists the same shape in its
 * `ResourceContainers` table as type `microsoft.resources/subscriptions/resourcegroups`.
 */
export const resourceGroup = defineType({
  type: 'azurerm_resource_group',
  provider: 'azurerm',
  schema: s.attributes({ name: s.string, location: s.string, tags: s.tags }),
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.Resources/resourceGroups',
      graphType: 'microsoft.resources/subscriptions/resourcegroups',
      map(resource) {
        const attributes = {};
        arm.put(attributes, 'name', arm.nameOf(resource));
        arm.put(attributes, 'location', arm.location(resource.location));
        arm.put(attributes, 'tags', arm.tagsOf(resource.tags));
        return attributes;
      },
    },
  },
});
