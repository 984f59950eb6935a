import { type ArmTableRow, armTableType } from '../../generic.js';
import type { ResourceType } from '../../resource-type.js';

/**
 * azurerm types compared by their ARM envelope (existence by ARM id, location and tags), one row each, sorted by
 * type. A type that needs its attributes compared gets a module of its own in src/model/types/azurerm/ and leaves
 * this table.
 */
export const ARM_TABLE: readonly ArmTableRow[] = [
  {
    type: 'azurerm_public_ip',
    armType: 'Microsoft.Network/publicIPAddresses',
    source:
      'azurerm docs, azurerm_public_ip "Import" (the ARM id); azure-rest-api-specs network PublicIpAddressGet.json',
  },
];

export const ARM_TABLE_TYPES: readonly ResourceType[] = ARM_TABLE.map(armTableType);
