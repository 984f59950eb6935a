import { unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_mssql_server_transparent_data_encryption, from Microsoft.Sql/servers/encryptionProtector (the server's
 * one `current` protector).
 *
 * ARM shape: Azure/azure-rest-api-specs `sql/resource-manager/Microsoft.Sql/stable/2021-11-01/examples/`
 * `EncryptionProtectorGet.json` and `EncryptionProtectorCreateOrUpdateKeyVault.json` (properties.serverKeyType
 * `ServiceManaged` or `AzureKeyVault`, serverKeyName, the read-only `uri` of the key, autoRotationEnabled).
 * Attribute semantics follow terraform-provider-azurerm 4.x `mssql_server_transparent_data_encryption_resource.go`:
 * a service-managed protector has no key_vault_key_id and no managed_hsm_key_id (state keeps them empty); a Key
 * Vault protector's key id is its `uri`, held in managed_hsm_key_id when the URI is a Managed HSM's. A template
 * names only serverKeyName, so its key id is not reported (unknown, never absent).
 *
 * Neither `Resources - List` nor Resource Graph lists encryption protectors, so no live reader reads them yet.
 */
export const mssqlServerTransparentDataEncryption = defineType({
  type: 'azurerm_mssql_server_transparent_data_encryption',
  provider: 'azurerm',
  schema: s.attributes({
    server_id: s.string,
    key_vault_key_id: s.string,
    managed_hsm_key_id: s.string,
    auto_rotation_enabled: s.boolean,
  }),
  // azurerm 4.x schema default (website/docs/r/mssql_server_transparent_data_encryption.html.markdown).
  defaults: { auto_rotation_enabled: false },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    // State keeps the key id a protector does not use as "": no key.
    for (const name of ['key_vault_key_id', 'managed_hsm_key_id'])
      if (attributes[name] === '') delete attributes[name];
  },
  sources: { arm: { type: 'Microsoft.Sql/servers/encryptionProtector', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'server_id', parentIdOf(resource.id));
  arm.put(attributes, 'auto_rotation_enabled', arm.bool(arm.field(p, 'autoRotationEnabled')));
  const keyType = arm.str(arm.field(p, 'serverKeyType'));
  if (typeof keyType !== 'string') {
    arm.put(attributes, 'key_vault_key_id', keyType);
    return attributes;
  }
  if (keyType.toLowerCase() === 'servicemanaged') {
    attributes.key_vault_key_id = null;
    attributes.managed_hsm_key_id = null;
    return attributes;
  }
  const uri: Value | undefined = arm.str(arm.field(p, 'uri'));
  if (typeof uri === 'string' && /^https:\/\/[^/]+\.managedhsm\./i.test(uri))
    attributes.managed_hsm_key_id = uri;
  else attributes.key_vault_key_id = uri ?? unknown('not-reported');
  return attributes;
}
