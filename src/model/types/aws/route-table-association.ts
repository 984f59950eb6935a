import { joined } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_route_table_association: a subnet's or a gateway's association with a route table. No live source maps it;
 * state carries it. Its state `id` is the association id (`rtbassoc-...`); the import id is
 * `<subnet_id or gateway_id>/<route_table_id>`.
 */
export const routeTableAssociation = defineType({
  type: 'aws_route_table_association',
  provider: 'aws',
  schema: s.attributes({ subnet_id: s.string, gateway_id: s.string, route_table_id: s.string }),
  id: {
    attribute: 'id',
    importId: (attributes) =>
      joined(attributes.subnet_id ?? attributes.gateway_id, attributes.route_table_id),
    caseInsensitive: false,
  },
  sources: {},
});
