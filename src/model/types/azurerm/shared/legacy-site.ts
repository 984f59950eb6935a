import type { TypeDefinition } from '../../resource-type.js';
import * as s from '../../schema.js';

/**
 * What azurerm_app_service and azurerm_function_app share: the site types of azurerm 2.x and 3.x, deprecated in 3.x
 * and removed in 4.0 for the linux/windows web and function apps (./web-site.ts), and still in many states and
 * configurations. Only Terraform (state, plans, HCL) describes them: an ARM template, a GET or Resource Graph
 * describes the same Microsoft.Web/sites object, which maps to the linux/windows type by its `kind`, so no live
 * source lists these two types.
 *
 * Schema: terraform-provider-azurerm 3.x `website/docs/r/app_service.html.markdown` and `function_app.html.markdown`
 * (app_service_plan_id, https_only and client_cert_enabled default false, enabled true; site_config's
 * min_tls_version defaults to 1.2, ftps_state to AllAllowed on a function app and to the platform's choice on an
 * app service (Optional and Computed), http2_enabled and always_on to false, scm_type to None).
 */
export const legacySite = {
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    app_service_plan_id: s.string,
    enabled: s.boolean,
    https_only: s.boolean,
    client_cert_enabled: s.boolean,
    site_config: s.blocks({
      min_tls_version: s.string,
      ftps_state: s.string,
      http2_enabled: s.boolean,
      always_on: s.boolean,
      scm_type: s.string,
    }),
  }),
  computed: ['outbound_ip_addresses', 'possible_outbound_ip_addresses', 'custom_domain_verification_id'],
  sensitive: ['site_credential'],
  defaults: { https_only: false, client_cert_enabled: false, enabled: true },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {},
} as const satisfies Omit<TypeDefinition, 'type'>;
