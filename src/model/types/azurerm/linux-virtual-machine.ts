import { defineType } from '../resource-type.js';
import { linuxVirtualMachineSchema, virtualMachine } from './shared/virtual-machine.js';

/**
 * azurerm_linux_virtual_machine, from Microsoft.Compute/virtualMachines with a Linux OS profile (or OS disk): the
 * shared VM mapping in ./shared/virtual-machine.ts.
 */
export const linuxVirtualMachine = defineType({
  type: 'azurerm_linux_virtual_machine',
  ...virtualMachine,
  schema: linuxVirtualMachineSchema,
  // azurerm 4.x schema defaults (website/docs/r/linux_virtual_machine.html.markdown; the read writes ImageDefault
  // for an absent patch mode).
  defaults: {
    disable_password_authentication: true,
    provision_vm_agent: true,
    allow_extension_operations: true,
    encryption_at_host_enabled: false,
    secure_boot_enabled: false,
    vtpm_enabled: false,
    patch_mode: 'ImageDefault',
  },
});
