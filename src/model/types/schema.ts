import { z } from 'zod';

/*
 * Building blocks of the lenient attribute schemas in type modules. A canonical attribute may always be null
 * (not set), an unknown marker (not known before apply, or not reported), or a sensitive marker (masked); the
 * schema says what it holds when it is known. Objects keep fields the schema does not name: a schema checks what
 * mappers produce, it never strips what a provider adds.
 */

const marker = z.union([
  z.looseObject({ __unknown: z.literal(true) }),
  z.looseObject({ __sensitive: z.string() }),
]);

/** A value of `schema`, or null, or a marker. */
export function known<T extends z.ZodType>(schema: T) {
  return z.union([schema, marker, z.null()]).optional();
}

export const string = known(z.string());
export const boolean = known(z.boolean());
export const number = known(z.number());
export const strings = known(z.array(z.union([z.string(), marker])));

/** A tags map: string values, each possibly unknown. */
export const tags = known(z.record(z.string(), z.union([z.string(), marker])));

/** An IAM or resource policy document: parsed JSON (normalisation parses the string), or the string itself. */
export const policyDocument = known(z.union([z.string(), z.looseObject({})]));

/** A nested object with the given optional fields. */
export function block(shape: z.ZodRawShape) {
  return known(z.looseObject(shape));
}

/** A list of nested objects (a Terraform block list or set). */
export function blocks(shape: z.ZodRawShape) {
  return known(z.array(z.union([z.looseObject(shape), marker])));
}

/** The schema of a type's attributes. */
export function attributes(shape: z.ZodRawShape) {
  return z.looseObject(shape);
}

/** name, location, resource_group_name and tags: what every resource-group-scoped azurerm type has. */
export const azurermEnvelope = {
  name: string,
  location: string,
  resource_group_name: string,
  tags,
} satisfies z.ZodRawShape;
