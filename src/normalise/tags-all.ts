import { isPlainObject, isUnknown, withoutKey } from '../model/value.js';
import type { NormalisePass } from './pass.js';

/**
 * The AWS provider keeps `tags` (set on the resource) and `tags_all` (those plus the provider's default_tags);
 * the cloud only knows the applied set. Where `tags_all` is known it becomes `tags`; it is then dropped.
 */
export const tagsAllPass: NormalisePass = {
  name: 'tags-all',
  apply(resource) {
    const attributes = resource.attributes;
    if (!Object.hasOwn(attributes, 'tags_all')) return;
    const tagsAll = attributes.tags_all;
    if (isPlainObject(tagsAll) && !isUnknown(tagsAll)) attributes.tags = tagsAll;
    else if (tagsAll === null && !Object.hasOwn(attributes, 'tags')) attributes.tags = null;
    resource.attributes = withoutKey(attributes, 'tags_all');
  },
};
