import { defineType } from '../resource-type.js';
import {
  SCALE_SET_DEFAULTS,
  virtualMachineScaleSet,
  windowsScaleSetSchema,
} from './shared/virtual-machine-scale-set.js';

/**
 * azurerm_windows_virtual_machine_scale_set, from Microsoft.Compute/virtualMachineScaleSets with a Windows OS profile
 * (or OS disk), in Uniform orchestration mode: the shared scale set mapping in ./shared/virtual-machine-scale-set.ts.
 */
export const windowsVirtualMachineScaleSet = defineType({
  type: 'azurerm_windows_virtual_machine_scale_set',
  ...virtualMachineScaleSet,
  schema: windowsScaleSetSchema,
  // azurerm 4.x schema defaults (website/docs/r/windows_virtual_machine_scale_set.html.markdown).
  defaults: { ...SCALE_SET_DEFAULTS, automatic_updates_enabled: true },
  // azurerm 4.0 renamed enable_automatic_updates.
  renamed: [['enable_automatic_updates', 'automatic_updates_enabled']],
});
