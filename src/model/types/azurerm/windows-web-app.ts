import { defineType } from '../resource-type.js';
import { webSite } from './shared/web-site.js';

/** azurerm_windows_web_app, from Microsoft.Web/sites by `kind`: the shared site mapping in ./shared/web-site.ts. */
export const windowsWebApp = defineType({ type: 'azurerm_windows_web_app', ...webSite });
