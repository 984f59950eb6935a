import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingFor } from '../../connectors/azure/map/index.js';
import type { ArmResource } from '../../connectors/azure/map/types.js';
import { classify } from '../../src/diff/classify.js';
import { coverageOf } from '../../src/diff/coverage.js';
import { NO_IGNORE_RULES } from '../../src/ignore/index.js';
import type { Resource } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { resource } from '../helpers/resource.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const APP = `${RG}/providers/Microsoft.Web/sites/app-orders-web`;

/**
 * An azurerm_linux_web_app instance as azurerm 4.x writes it to state (schema of
 * `internal/services/appservice/linux_web_app_resource.go`): every attribute of the resource and of its
 * `site_config` and `application_stack` blocks, set or not. It declares what the recorded ARM payload holds.
 */
function declaredAttributes(): Record<string, Value> {
  return {
    id: APP,
    name: 'app-orders-web',
    location: 'westeurope',
    resource_group_name: 'rg-prod',
    service_plan_id: `${RG}/providers/Microsoft.Web/serverFarms/asp-linux-prod`,
    app_settings: {},
    auth_settings: [],
    auth_settings_v2: [],
    backup: [],
    client_affinity_enabled: false,
    client_certificate_enabled: true,
    client_certificate_exclusion_paths: '',
    client_certificate_mode: 'Required',
    connection_string: [],
    custom_domain_verification_id: 'ABCDEF0123456789',
    default_hostname: 'app-orders-web.azurewebsites.net',
    enabled: true,
    ftp_publish_basic_authentication_enabled: true,
    hosting_environment_id: '',
    https_only: true,
    identity: [],
    key_vault_reference_identity_id: 'SystemAssigned',
    kind: 'app,linux',
    logs: [],
    outbound_ip_address_list: ['20.50.2.1', '20.50.2.2'],
    outbound_ip_addresses: '20.50.2.1,20.50.2.2',
    public_network_access_enabled: false,
    site_config: [
      {
        always_on: true,
        api_definition_url: '',
        api_management_api_id: '',
        app_command_line: '',
        application_stack: [
          {
            docker_image_name: '',
            docker_registry_url: '',
            docker_registry_username: '',
            dotnet_version: '',
            go_version: '',
            java_server: '',
            java_server_version: '',
            java_version: '',
            node_version: '20-lts',
            php_version: '',
            python_version: '',
            ruby_version: '',
          },
        ],
        auto_heal_setting: [],
        container_registry_managed_identity_client_id: '',
        container_registry_use_managed_identity: false,
        cors: [],
        default_documents: ['Default.htm', 'Default.html', 'index.html', 'hostingstart.html'],
        detailed_error_logging_enabled: false,
        ftps_state: 'FtpsOnly',
        health_check_eviction_time_in_min: 0,
        health_check_path: '',
        http2_enabled: true,
        ip_restriction: [],
        ip_restriction_default_action: 'Allow',
        linux_fx_version: 'NODE|20-lts',
        load_balancing_mode: 'LeastRequests',
        local_mysql_enabled: false,
        managed_pipeline_mode: 'Integrated',
        minimum_tls_version: '1.2',
        remote_debugging_enabled: false,
        remote_debugging_version: 'VS2022',
        scm_ip_restriction: [],
        scm_ip_restriction_default_action: 'Allow',
        scm_minimum_tls_version: '1.2',
        scm_type: 'None',
        scm_use_main_ip_restriction: false,
        use_32_bit_worker: false,
        vnet_route_all_enabled: false,
        websockets_enabled: false,
        worker_count: 1,
      },
    ],
    sticky_settings: [],
    storage_account: [],
    tags: { env: 'prod', app: 'orders' },
    virtual_network_subnet_id: '',
    webdeploy_publish_basic_authentication_enabled: true,
    zip_deploy_file: '',
  };
}

/** The recorded GET site with its /config/web child (see the file's `_source`), mapped as the connector maps it. */
function live(change: (siteConfig: Record<string, unknown>) => void = () => {}): Resource<'live'> {
  const payload = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/azure/web-app-linux.json'), 'utf8'),
  ) as ArmResource;
  change(payload.properties?.siteConfig as Record<string, unknown>);
  const mapped = mappingFor('Microsoft.Web/sites')?.map(payload);
  if (!mapped) throw new Error('web-app-linux.json did not map');
  return resource(mapped.terraformType, mapped.id, mapped.attributes, 'live');
}

function drift(liveResource: Resource<'live'>) {
  const declared = resource('azurerm_linux_web_app', APP, declaredAttributes());
  normaliseResources([declared, liveResource]);
  return classify(
    new Map([[declared.key, declared]]),
    new Map([[liveResource.key, [liveResource]]]),
    coverageOf([{ types: ['azurerm_linux_web_app'] }]),
    NO_IGNORE_RULES,
  ).drift;
}

describe('an azurerm_linux_web_app from state against the ARM-mapped live app', () => {
  it('is in sync: the site_config attributes ARM does not report (application_stack, default_documents, ...) are not drift', () => {
    expect(drift(live())).toEqual([]);
  });

  it('still reports a site_config attribute both sides hold that differs', () => {
    const entries = drift(
      live((siteConfig) => {
        siteConfig.ftpsState = 'AllAllowed';
        siteConfig.minTlsVersion = '1.0';
      }),
    );
    expect(entries.map((entry) => [entry.kind, entry.changes])).toEqual([
      [
        'changed',
        [
          { path: 'site_config[0].ftps_state', declared: 'FtpsOnly', live: 'AllAllowed' },
          { path: 'site_config[0].minimum_tls_version', declared: '1.2', live: '1.0' },
        ],
      ],
    ]);
  });
});
