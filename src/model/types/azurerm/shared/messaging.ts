import { unknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';

/*
 * What the Service Bus and Event Hubs namespaces share: both RPs return the same `Encryption.keyVaultProperties`
 * entries (keyVaultUri, keyName, keyVersion), and both providers rewrite the SKU name into the casing they expect.
 */

/** The SKU name in the provider's casing (`premium` -> `Premium`); a name outside `names` is kept as it is. */
export function skuName(value: Value | undefined, names: readonly string[]): Value | undefined {
  const text = arm.str(value);
  if (typeof text !== 'string') return text;
  return names.find((name) => name.toLowerCase() === text.toLowerCase()) ?? text;
}

/**
 * A keyVaultProperties entry -> the key's id as the provider's keyVaultParse.NewNestedItemID writes it:
 * `https://<vault>/keys/<name>` and `/<version>` when there is one.
 */
export function keyVaultKeyId(entry: Value): Value | undefined {
  const uri = arm.str(arm.field(entry, 'keyVaultUri'));
  const name = arm.str(arm.field(entry, 'keyName'));
  const version = arm.str(arm.field(entry, 'keyVersion'));
  if (uri === undefined && name === undefined) return undefined;
  if (typeof uri !== 'string' || typeof name !== 'string') return unknown('expression');
  if (version !== undefined && typeof version !== 'string') return unknown('expression');
  const base = `${uri.replace(/\/+$/, '')}/keys/${name}`;
  return version ? `${base}/${version}` : base;
}
