import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_dns_zone, from Microsoft.Network/dnsZones (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `dns/resource-manager/Microsoft.Network/stable/2018-05-01/examples/`
 * `GetZone.json` (location `global`, tags, properties{maxNumberOfRecordSets, numberOfRecordSets, nameServers}).
 * Attribute semantics follow terraform-provider-azurerm 4.x `DnsZoneResource` (internal/services/dns): the
 * arguments are name, resource_group_name, tags and soa_record; the provider creates every zone in `global` and
 * has no location attribute, so ARM's location is not compared. number_of_record_sets, max_number_of_record_sets
 * and name_servers (a set) are the cloud's: computed, not compared.
 *
 * Not compared: soa_record. The provider's Read takes it from a second call (`recordSets` GET of `SOA/@`), and a
 * template declares it as a child resource (`Microsoft.Network/dnsZones/SOA`); the zone's own payload does not
 * carry it.
 */
export const dnsZone = defineType({
  type: 'azurerm_dns_zone',
  provider: 'azurerm',
  schema: s.attributes({ name: s.string, resource_group_name: s.string, tags: s.tags }),
  computed: ['number_of_record_sets', 'max_number_of_record_sets', 'name_servers'],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/dnsZones', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const { location: _global, ...attributes } = arm.envelope(resource);
  return attributes;
}
