import { defineType } from '../resource-type.js';
import {
  linuxScaleSetSchema,
  SCALE_SET_DEFAULTS,
  virtualMachineScaleSet,
} from './shared/virtual-machine-scale-set.js';

/**
 * azurerm_linux_virtual_machine_scale_set, from Microsoft.Compute/virtualMachineScaleSets with a Linux OS profile
 * (or OS disk), in Uniform orchestration mode: the shared scale set mapping in ./shared/virtual-machine-scale-set.ts.
 */
export const linuxVirtualMachineScaleSet = defineType({
  type: 'azurerm_linux_virtual_machine_scale_set',
  ...virtualMachineScaleSet,
  schema: linuxScaleSetSchema,
  // azurerm 4.x schema defaults (website/docs/r/linux_virtual_machine_scale_set.html.markdown).
  defaults: { ...SCALE_SET_DEFAULTS, disable_password_authentication: true },
});
