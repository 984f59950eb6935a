import type { Diagnostic } from '../model/report.js';
import { type Resource, resourceKey } from '../model/resource.js';
import { resourceType, subResourceOf } from '../model/types/index.js';

export function isFoldedSubResourceType(type: string): boolean {
  return subResourceOf(type) !== undefined;
}

/**
 * Folds declared sub-resources into the object the cloud sees, across every declared source (a bucket and its
 * versioning may live in different states). A sub-resource whose parent is not declared stays as it is, with a
 * diagnostic: the bucket it configures is managed elsewhere.
 */
export function foldSubResources(resources: Resource[], diagnostics: Diagnostic[]): Resource[] {
  const byKey = new Map<string, Resource>();
  // Code keys its resources by address, but a CloudFormation or ARM sub-resource names its parent by the
  // parent's cloud name; code-only parents are also found by that name, and only by code-only sub-resources.
  const codeByName = new Map<string, Resource>();
  for (const resource of resources) {
    resourceType(resource.type)?.canonicalise?.(resource.attributes);
    byKey.set(resource.key, resource);
    const name = resource.attributes.bucket;
    if (resource.origin === 'code' && typeof name === 'string')
      codeByName.set(`${resource.type}:${name}`, resource);
  }
  const findParent = (type: string, id: string, sub: Resource): Resource | undefined => {
    const byId = byKey.get(resourceKey(type, id));
    if (byId && byId.origin === sub.origin) return byId;
    return sub.origin === 'code' ? codeByName.get(`${type}:${id}`) : undefined;
  };
  const kept: Resource[] = [];
  for (const resource of resources) {
    const fold = subResourceOf(resource.type);
    if (!fold) {
      kept.push(resource);
      continue;
    }
    const parentId = resource.attributes[fold.sub.parentIdAttribute];
    const parent =
      typeof parentId === 'string' ? findParent(fold.parent.type, parentId, resource) : undefined;
    if (!parent) {
      diagnostics.push({
        level: 'info',
        code: 'fold.parent-not-declared',
        message:
          typeof parentId === 'string'
            ? `${resource.source.address ?? resource.key} configures ${fold.parent.type} "${parentId}", which is not declared in the scanned state; it is kept on its own`
            : `${resource.source.address ?? resource.key} configures an ${fold.parent.type} whose ${fold.sub.parentIdAttribute} is not known before apply, so which one is not known; it is kept on its own`,
        source: resource.source.location,
        key: resource.key,
      });
      kept.push(resource);
      continue;
    }
    fold.sub.fold(parent.attributes, resource.attributes);
    parent.parts = [...(parent.parts ?? []), resource.source];
  }
  return kept;
}
