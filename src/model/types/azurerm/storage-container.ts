import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_storage_container, from Microsoft.Storage/storageAccounts/blobServices/containers (a child resource the
 * azurerm table could not hold: neither `Resources - List` nor Resource Graph's `resources` table lists containers,
 * and a storage account's payload does not hold them).
 *
 * The live readers list them under each storage account (`listedUnder`): `GET {accountId}/blobServices/default/
 * containers?api-version=2023-01-01` (Blob Containers - List, paged by nextLink), the management plane only, at the
 * api-version azurerm 4.x reads them with (go-azure-sdk storage/2023-01-01/blobcontainers). Shape: Azure/azure-rest-
 * api-specs `storage/resource-manager/Microsoft.Storage/stable/2023-01-01/examples/DeletedBlobContainersList.json`
 * (a list item: id, name, type, etag, properties{publicAccess, leaseStatus, hasImmutabilityPolicy, hasLegalHold,
 * deleted}) and `BlobContainersPutDefaultEncryptionScope.json` (defaultEncryptionScope,
 * denyEncryptionScopeOverride). A list item leaves out what it does not carry (metadata, for one): not compared.
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceStorageContainerRead`
 * (internal/services/storage/storage_container_resource.go): container_access_type maps publicAccess `None` (or
 * empty) to `private`, `Blob` to `blob` and `Container` to `container`; encryption_scope_override_enabled is the
 * negation of denyEncryptionScopeOverride. A container made through `storage_account_id` has the resource-manager
 * id as its id (the import id); one made through the deprecated `storage_account_name` has the data-plane URL
 * (`https://{account}.blob.core.windows.net/{container}`) as its id and the ARM id in `resource_manager_id`, which
 * then keys it, and its state carries no storage_account_id (empty), so only the name is compared.
 */
export const storageContainer = defineType({
  type: 'azurerm_storage_container',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    storage_account_id: s.string,
    storage_account_name: s.string,
    container_access_type: s.string,
    default_encryption_scope: s.string,
    encryption_scope_override_enabled: s.boolean,
    metadata: s.tags,
  }),
  computed: ['has_immutability_policy', 'has_legal_hold', 'resource_manager_id'],
  // azurerm 4.x schema defaults.
  defaults: { container_access_type: 'private', encryption_scope_override_enabled: true },
  id: { attribute: 'id', importId, caseInsensitive: true },
  canonicalise: withoutEmptyAccountId,
  sources: {
    arm: {
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      listedUnder: {
        type: 'Microsoft.Storage/storageAccounts',
        path: 'blobServices/default/containers',
        apiVersion: '2023-01-01',
      },
      // A soft-deleted container (listed only with $include=deleted) is not one Terraform manages.
      typeOf: (resource) =>
        arm.bool(arm.field(resource.properties, 'deleted')) === true
          ? undefined
          : 'azurerm_storage_container',
      map: fromArm,
      // ContainerProperties (2023-01-01): no publicAccess is no public access.
      platformDefaults: { container_access_type: 'private' },
    },
  },
});

/** The resource-manager id, for a container whose id is its data-plane URL; undefined (the id) otherwise. */
function importId(attributes: Attributes): string | undefined {
  const id = attributes.id;
  const manager = attributes.resource_manager_id;
  if (typeof id !== 'string' || !/^https?:\/\//i.test(id)) return undefined;
  return typeof manager === 'string' && manager.startsWith('/') ? manager : undefined;
}

/** A container declared by account name keeps `storage_account_id = ""` in state: that says nothing. */
function withoutEmptyAccountId(attributes: Attributes): void {
  if (attributes.storage_account_id === '' || attributes.storage_account_id === null)
    delete attributes.storage_account_id;
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'storage_account_id', parentIdOf(parentIdOf(resource.id)));
  arm.put(attributes, 'storage_account_name', arm.idSegmentAfter(resource.id, 'storageaccounts'));
  arm.put(attributes, 'container_access_type', accessType(arm.field(p, 'publicAccess')));
  arm.put(attributes, 'default_encryption_scope', arm.str(arm.field(p, 'defaultEncryptionScope')));
  arm.put(
    attributes,
    'encryption_scope_override_enabled',
    negated(arm.bool(arm.field(p, 'denyEncryptionScopeOverride'))),
  );
  arm.put(attributes, 'metadata', arm.tagsOf(arm.field(p, 'metadata')));
  return attributes;
}

/** The provider's containerAccessTypeConversionMap: `None` and `` are `private`; Blob and Container lower-cased. */
function accessType(value: Value | undefined): Value | undefined {
  const text = arm.str(value);
  if (typeof text !== 'string') return text;
  const lower = text.toLowerCase();
  if (lower === 'none' || lower === '') return 'private';
  return lower === 'blob' || lower === 'container' ? lower : text;
}

function negated(value: Value | undefined): Value | undefined {
  return typeof value === 'boolean' ? !value : value;
}
