import { defineType } from '../resource-type.js';
import { webSite } from './shared/web-site.js';

/** azurerm_linux_function_app, from Microsoft.Web/sites by `kind`: the shared site mapping in ./shared/web-site.ts. */
export const linuxFunctionApp = defineType({
  type: 'azurerm_linux_function_app',
  ...webSite,
  sensitive: [...webSite.sensitive, 'storage_account_access_key'],
});
