import { z } from 'zod';

/*
 * Building blocks of the lenient attribute schemas in type modules. A canonical attribute may always be null
 * (not set), an unknown marker (not known before apply, or not reported), or a sensitive marker (masked); the
 * schema says what it holds when it is known. Objects keep fields the schema does not name: a schema checks what
 * mappers produce, it never strips what a provider adds.
 *
 * The blocks describe a schema and build it when it is first used (`defineType` gives each type a `schema` that
 * builds on first read): zod building the schemas of every catalogue type was most of the modules' top-level work
 * when a scan starts, and a scan never reads them (BENCHMARKS.md, bench:startup).
 */

/** A schema, built when first asked for, then kept. */
export type Deferred<T extends z.ZodType = z.ZodType> = () => T;

/** An attribute's schema: a zod schema, or one of the blocks below, not built yet. */
export type Field = z.ZodType | Deferred;

/** The attributes of an object: name -> schema. */
export type Shape = Readonly<Record<string, Field>>;

function defer<T extends z.ZodType>(build: () => T): Deferred<T> {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

function built(field: Field): z.ZodType {
  return typeof field === 'function' ? field() : field;
}

function builtShape(shape: Shape): z.ZodRawShape {
  const out: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(shape)) out[name] = built(field);
  return out;
}

const marker = defer(() =>
  z.union([z.looseObject({ __unknown: z.literal(true) }), z.looseObject({ __sensitive: z.string() })]),
);

/** A value of `schema`, or null, or a marker. */
export function known(schema: Field): Deferred {
  return defer(() => z.union([built(schema), marker(), z.null()]).optional());
}

export const string = known(() => z.string());
export const boolean = known(() => z.boolean());
export const number = known(() => z.number());
export const strings = known(() => z.array(z.union([z.string(), marker()])));

/** A tags map: string values, each possibly unknown. */
export const tags = known(() => z.record(z.string(), z.union([z.string(), marker()])));

/** An IAM or resource policy document: parsed JSON (normalisation parses the string), or the string itself. */
export const policyDocument = known(() => z.union([z.string(), z.looseObject({})]));

/** A nested object with the given optional fields. */
export function block(shape: Shape): Deferred {
  return known(() => z.looseObject(builtShape(shape)));
}

/** A list of nested objects (a Terraform block list or set). */
export function blocks(shape: Shape): Deferred {
  return known(() => z.array(z.union([z.looseObject(builtShape(shape)), marker()])));
}

/** The schema of a type's attributes. */
export function attributes(shape: Shape): Deferred<z.ZodObject> {
  return defer(() => z.looseObject(builtShape(shape)));
}

/** name, location, resource_group_name and tags: what every resource-group-scoped azurerm type has. */
export const azurermEnvelope = {
  name: string,
  location: string,
  resource_group_name: string,
  tags,
} satisfies Shape;
