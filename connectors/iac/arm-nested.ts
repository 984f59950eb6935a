import { nestedArmResources } from '../../src/model/types/map-arm.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { type ArmWalk, get, type Instance, type JsonObject, report } from './arm-instances.js';
import type { Span } from './arm-json.js';
import { type CanonicalResource, mapTemplateResource, type TemplateResource } from './arm-map.js';

/*
 * Child resources a template declares inline, in its parent's properties: the subnets of a virtual network
 * (`properties.subnets[]`) and the rules of a network security group (`properties.securityRules[]`). ARM deploys
 * each as a resource of its own, and a GET of the parent returns them in the same place, so they are read by the
 * catalogue's one reader of that shape (nestedArmResources, src/model/types/map-arm.ts), which the live connector
 * reads a parent's payload with: the same canonical children from either side.
 */

/** Where a code resource is, and is addressed. */
export interface Placed {
  address: string;
  span: Span;
  /** The lines whose waivers apply, when they are not the span's. */
  waiverSpan?: Span;
}

export interface InlineChild extends Placed {
  resource: TemplateResource;
  /** `<child ARM type>/<parent>/<child>[i]`, as a child declared on its own is addressed. */
  address: string;
  /**
   * The child's own lines, or for a child without lines of its own (made by a property copy loop) only those
   * directly above its parent: never the waivers of its siblings inside the parent.
   */
  waiverSpan: Span;
}

export interface InlineChildren {
  children: InlineChild[];
  /** The child ARM types whose inline list (or an entry's name) is not static: those children are not read. */
  unknown: string[];
}

/** The inline children of one evaluated parent resource. */
function inlineChildren(
  parent: TemplateResource,
  instance: Instance,
  spans: WeakMap<object, Span>,
): InlineChildren {
  const { children, unidentified } = nestedArmResources(
    { type: parent.armType, properties: parent.properties ?? null },
    { template: true },
  );
  const written = writtenItems(instance.node);
  return {
    children: children.map((child, index) => {
      const name = child.name ?? null;
      const node = typeof name === 'string' ? written.find((item) => get(item, 'name') === name) : undefined;
      // A child whose name is not static is told apart by its place among the parent's children.
      const label = typeof name === 'string' ? name : `(${index})`;
      const own = node && spans.get(node);
      return {
        // Deployed with its parent's request, at its parent's api-version.
        resource: { armType: child.type, apiVersion: parent.apiVersion, name, properties: child.properties },
        address: `${child.type}/${instance.display}/${label}${instance.suffix}`,
        span: own ?? instance.span,
        waiverSpan: own ?? { line: instance.span.line, endLine: instance.span.line },
      };
    }),
    unknown: unidentified,
  };
}

/**
 * The children the parent declares inline, each a resource of its own as ARM deploys it; one also declared as a
 * resource of the template is read there (deployed after its parent, its settings are the ones that stay).
 * False when the repository's budget ran out.
 */
export function addInlineChildren(
  parent: TemplateResource,
  instance: Instance,
  walk: ArmWalk,
  declared: ReadonlySet<string>,
  add: (mapped: CanonicalResource, at: Placed, node: object) => boolean,
): boolean {
  const { children, unknown } = inlineChildren(parent, instance, walk.spans);
  for (const armType of unknown)
    report(
      walk,
      instance.node,
      'iac.arm-nested',
      `the ${armType} resources inline in ${instance.armType} are not static; they are not read`,
    );
  for (const child of children) {
    if (declared.has(child.address.toLowerCase())) continue;
    const mapped = mapTemplateResource(child.resource);
    if (mapped && !add(mapped, child, instance.node)) return false;
  }
  return true;
}

/** The entries of the parent's inline child lists as written, to point each child at its own lines. */
function writtenItems(node: JsonObject): JsonObject[] {
  const properties = get(node, 'properties');
  if (!isPlainObject(properties)) return [];
  return Object.values(properties).flatMap((value: Value) =>
    Array.isArray(value) ? value.filter(isPlainObject) : [],
  );
}
