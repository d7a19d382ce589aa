import { z } from 'zod';
import type { EntitySet, Property } from './entities.js';
import { badRequest, ODataError } from './odata-error.js';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function valueSchema(property: Property): z.ZodType {
  switch (property.type) {
    case 'string': {
      const text = property.maxLength === undefined ? z.string() : z.string().max(property.maxLength);
      return property.code ? text.transform((value) => value.toUpperCase()) : text;
    }
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'guid':
      return z
        .string()
        .regex(GUID)
        .transform((value) => value.toLowerCase());
    case 'date':
      return z.iso.date();
    case 'datetime':
      return z.iso.datetime({ offset: true });
  }
}

const schemas = new Map<EntitySet, z.ZodType<Record<string, unknown>>>();

/** What a write may set: the page's editable properties, each of its type and length. */
function schemaOf(set: EntitySet): z.ZodType<Record<string, unknown>> {
  const known = schemas.get(set);
  if (known) return known;
  const shape = Object.fromEntries(Object.entries(set.properties).map(([name, property]) => [name, valueSchema(property).optional()]));
  const schema = z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
  schemas.set(set, schema);
  return schema;
}

function errorOf(set: EntitySet, issue: z.core.$ZodIssue, body: Record<string, unknown>): ODataError {
  if (issue.code === 'unrecognized_keys') {
    return badRequest(`The property '${issue.keys[0]}' does not exist on type 'Microsoft.NAV.${set.entity}'. Make sure to only use property names that are defined by the type.`);
  }
  const name = String(issue.path[0]);
  if (issue.code === 'too_big') {
    const value = String(body[name]);
    return new ODataError(400, 'Application_StringExceededLength', `The length of the string is ${value.length}, but it must be less than or equal to ${String(issue.maximum)} characters. Value: ${value}`);
  }
  return badRequest(`Cannot convert the value of '${name}' to the type ${set.properties[name]!.type}.`);
}

/**
 * A POST or PATCH body checked against the entity set: a JSON object of known, editable
 * properties, code fields upper-cased as BC stores them. `nested` names the navigation
 * properties a deep insert may carry; `allowId` lets a POST name its own SystemId, which v2.0
 * allows (dev-itpro/api-reference/v2.0/transition-to-api-v2.0.md); `ignoreReadOnly` drops the
 * other read-only properties instead of refusing them.
 */
export function parseWriteBody(
  set: EntitySet,
  body: unknown,
  options: { allowId?: boolean; ignoreReadOnly?: boolean; nested?: string[] } = {},
): { values: Record<string, unknown>; nested: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  const values: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith('@odata.')) continue;
    if (options.nested?.includes(name)) nested[name] = value;
    else if (!set.properties[name]?.readOnly || (name === 'id' && options.allowId)) values[name] = value;
    else if (!options.ignoreReadOnly) throw new ODataError(400, 'BadRequest_InvalidOperation', `The property '${name}' is read-only.`);
  }
  const parsed = schemaOf(set).safeParse(values);
  if (!parsed.success) throw errorOf(set, parsed.error.issues[0]!, values);
  return { values: parsed.data, nested };
}
