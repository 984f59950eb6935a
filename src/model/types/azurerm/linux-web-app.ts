import { defineType } from '../resource-type.js';
import { webSite } from './shared/web-site.js';

/** azurerm_linux_web_app, from Microsoft.Web/sites by `kind`: the shared site mapping in ./shared/web-site.ts. */
export const linuxWebApp = defineType({ type: 'azurerm_linux_web_app', ...webSite });
