import type { ResourceType } from '../resource-type.js';
import { resourceGroup } from './resource-group.js';
import { storageAccount } from './storage-account.js';
import { virtualNetwork } from './virtual-network.js';

/** Every azurerm type module, one file each in this folder; the conformance test checks the two agree. */
export const AZURERM_TYPES: readonly ResourceType[] = [resourceGroup, storageAccount, virtualNetwork];
