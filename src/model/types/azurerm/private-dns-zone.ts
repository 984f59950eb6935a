import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_private_dns_zone, from Microsoft.Network/privateDnsZones (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `privatedns/resource-manager/Microsoft.Network/stable/2018-09-01/examples/`
 * `PrivateZoneGet.json` (location `global`, tags, properties{maxNumberOfRecordSets, numberOfRecordSets,
 * maxNumberOfVirtualNetworkLinks, maxNumberOfVirtualNetworkLinksWithRegistration, provisioningState}). Attribute
 * semantics follow terraform-provider-azurerm `resourcePrivateDnsZoneRead` (internal/services/privatedns) and
 * website/docs/r/private_dns_zone.html.markdown: the arguments are name, resource_group_name, tags and
 * soa_record; the provider writes location `global` itself and
 * has no location attribute, so ARM's location is not compared. The record-set and link counts and limits are the
 * cloud's: computed, not compared.
 *
 * Not compared: soa_record, which the provider's Read takes from a second call (`recordSets` GET of `SOA/@`) and a
 * template declares as a child resource (`Microsoft.Network/privateDnsZones/SOA`). Virtual network links are
 * azurerm_private_dns_zone_virtual_network_link, a child resource of their own.
 */
export const privateDnsZone = defineType({
  type: 'azurerm_private_dns_zone',
  provider: 'azurerm',
  schema: s.attributes({ name: s.string, resource_group_name: s.string, tags: s.tags }),
  computed: [
    'number_of_record_sets',
    'max_number_of_record_sets',
    'max_number_of_virtual_network_links',
    'max_number_of_virtual_network_links_with_registration',
  ],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/privateDnsZones', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const { location: _global, ...attributes } = arm.envelope(resource);
  return attributes;
}
