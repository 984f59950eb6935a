import { defineType } from '../resource-type.js';
import { virtualMachine, windowsVirtualMachineSchema } from './shared/virtual-machine.js';

/**
 * azurerm_windows_virtual_machine, from Microsoft.Compute/virtualMachines with a Windows OS profile (or OS disk):
 * the shared VM mapping in ./shared/virtual-machine.ts.
 */
export const windowsVirtualMachine = defineType({
  type: 'azurerm_windows_virtual_machine',
  ...virtualMachine,
  schema: windowsVirtualMachineSchema,
  // azurerm 4.x schema defaults (website/docs/r/windows_virtual_machine.html.markdown).
  defaults: {
    automatic_updates_enabled: true,
    hotpatching_enabled: false,
    provision_vm_agent: true,
    allow_extension_operations: true,
    encryption_at_host_enabled: false,
    secure_boot_enabled: false,
    vtpm_enabled: false,
    patch_mode: 'AutomaticByOS',
  },
  // azurerm 4.0 renamed enable_automatic_updates.
  renamed: [['enable_automatic_updates', 'automatic_updates_enabled']],
});
