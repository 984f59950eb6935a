import { defineType } from '../resource-type.js';
import { legacySite } from './shared/legacy-site.js';

/** azurerm_app_service (azurerm 2.x and 3.x), from Terraform only: the shared legacy site in ./shared/legacy-site.ts. */
export const appService = defineType({
  type: 'azurerm_app_service',
  ...legacySite,
  computed: [...legacySite.computed, 'default_site_hostname'],
});
