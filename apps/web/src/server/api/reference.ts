import { PERMISSION_MATRIX, type TAction } from "@forecourt/auth";

/*
 * The API reference page's model, read from the OpenAPI document itself (openApiDocument()), so
 * every endpoint another change adds shows up without touching the page. Schemas are flattened
 * into field rows ("contact.name", "attachments[].url"); a $ref to a named component is shown as
 * a link to that component's own table, which the page lists under "Schemas".
 */

type TJson = Record<string, unknown>;
export type TField = { name: string; type: string; required: boolean; description: string; ref?: string };
export type TParameter = { name: string; in: string; type: string; required: boolean; description: string };
export type TOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  permission: string | null;
  /** The API-key scope that grants the permission (null: keys may never call it). */
  scope: string | null;
  parameters: TParameter[];
  requestBody: { ref?: string; fields: TField[] } | null;
  response: { status: string; ref?: string; fields: TField[] } | null;
};
export type TReference = {
  title: string;
  version: string;
  description: string;
  baseUrl: string;
  tags: { name: string; operations: TOperation[] }[];
  schemas: { name: string; description: string; fields: TField[] }[];
  errors: { status: string; description: string }[];
  errorSchema: string | null;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
/** Deeper nesting is shown as its type only: a table is for reading, the JSON document for machines. */
const MAX_DEPTH = 4;

const isObject = (v: unknown): v is TJson => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const refName = (schema: TJson) => (typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : null);

/** A schema's type in a few words: "string (uuid)", "integer, 1–100", "Conversation[]", "OPEN | CLOSED", nullable. */
export function typeOf(schema: unknown): string {
  if (!isObject(schema)) return "any";
  const ref = refName(schema);
  if (ref) return ref;
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => String(v)).join(" | ");
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) {
    const parts = union.filter((s) => !(isObject(s) && s.type === "null"));
    const nullable = parts.length < union.length;
    const shown = [...new Set(parts.map(typeOf))];
    const text = shown.length > 3 ? `one of ${shown.length} shapes` : shown.join(" | ");
    return nullable ? `${text}, nullable` : text;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  const nullable = types.includes("null");
  const base = types.filter((t) => t !== "null")[0] ?? (schema.properties ? "object" : "any");
  let text = base;
  if (base === "array") text = `${typeOf(schema.items)}[]`;
  if (base === "string" && schema.format) text = `string (${str(schema.format)})`;
  const range = [
    schema.minimum !== undefined && Math.abs(Number(schema.minimum)) < 1e15 ? `≥ ${String(schema.minimum)}` : null,
    schema.maximum !== undefined && Math.abs(Number(schema.maximum)) < 1e15 ? `≤ ${String(schema.maximum)}` : null,
    schema.minLength !== undefined ? `min ${String(schema.minLength)} chars` : null,
    schema.maxLength !== undefined ? `max ${String(schema.maxLength)} chars` : null,
    schema.maxItems !== undefined ? `max ${String(schema.maxItems)} items` : null,
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
  ].filter(Boolean);
  if (range.length > 0) text = `${text}, ${range.join(", ")}`;
  return nullable ? `${text}, nullable` : text;
}

/** The object schemas a field stands for, to list their fields beneath it (arrays, nullable unions, variants). */
function objectsWithin(schema: unknown): { label: string; schema: TJson }[] {
  if (!isObject(schema) || refName(schema)) return [];
  if (schema.properties) return [{ label: "", schema }];
  if (schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"))) {
    return objectsWithin(schema.items).map((o) => ({ ...o, label: `[]${o.label}` }));
  }
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(union)) return [];
  const objects = union.flatMap(objectsWithin);
  if (objects.length <= 1) return objects;
  // Variants of a tagged union are named by their "type" constant: content (location).latitude.
  return objects.map((o, i) => {
    const tag = isObject(o.schema.properties) ? (o.schema.properties as TJson).type : undefined;
    const name = isObject(tag) && "const" in tag ? String(tag.const) : String(i + 1);
    return { ...o, label: ` (${name})${o.label}` };
  });
}

/** The rows of an object schema: each property, then the fields of any object nested in it. */
export function fieldsOf(schema: unknown, prefix = "", depth = 0): TField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties).flatMap(([key, value]) => {
    const name = `${prefix}${key}`;
    const ref = isObject(value) ? refName(value) : null;
    const items = isObject(value) && isObject(value.items) ? refName(value.items) : null;
    const row: TField = {
      name,
      type: typeOf(value),
      required: required.has(key),
      description: isObject(value) ? str(value.description) : "",
      ...(ref || items ? { ref: (ref ?? items)! } : {}),
    };
    if (depth >= MAX_DEPTH) return [row];
    const nested = objectsWithin(value).flatMap((o) => fieldsOf(o.schema, `${name}${o.label}.`, depth + 1));
    return [row, ...nested];
  });
}

/** The body schema of a request or response: a named component's fields, or an inline schema's. */
function body(content: unknown, components: TJson): { ref?: string; fields: TField[] } | null {
  const schema = isObject(content) && isObject(content["application/json"]) ? content["application/json"].schema : null;
  if (!isObject(schema)) return null;
  const ref = refName(schema);
  const resolved = ref ? components[ref] : schema;
  return { ...(ref ? { ref } : {}), fields: fieldsOf(resolved) };
}

function scopeOf(permission: string | null): string | null {
  if (!permission || !(permission in PERMISSION_MATRIX)) return null;
  const rule = PERMISSION_MATRIX[permission as TAction];
  return "api" in rule ? rule.api : null;
}

export function buildReference(document: unknown): TReference {
  const doc = isObject(document) ? document : {};
  const info = isObject(doc.info) ? doc.info : {};
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const byTag = new Map<string, TOperation[]>();
  let errors: TReference["errors"] = [];
  let errorSchema: string | null = null;
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const responses = isObject(op.responses) ? op.responses : {};
      const okStatus = Object.keys(responses).find((s) => s.startsWith("2")) ?? null;
      const failures = Object.entries(responses).filter(([s]) => !s.startsWith("2"));
      if (errors.length === 0 && failures.length > 0) {
        errors = failures.map(([status, r]) => ({ status, description: isObject(r) ? str(r.description) : "" }));
        errorSchema = body(isObject(failures[0]![1]) ? failures[0]![1].content : null, components)?.ref ?? null;
      }
      const permission = str(op["x-forecourt-permission"]) || null;
      const operation: TOperation = {
        id: str(op.operationId) || `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: str(op.summary),
        description: str(op.description),
        permission,
        scope: scopeOf(permission),
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).filter(isObject).map((p) => ({
          name: str(p.name),
          in: str(p.in),
          type: typeOf(p.schema),
          required: p.required === true,
          description: str(p.description) || (isObject(p.schema) ? str(p.schema.description) : ""),
        })),
        requestBody: isObject(op.requestBody) ? body(op.requestBody.content, components) : null,
        response: okStatus
          ? {
              status: okStatus,
              ...(body(isObject(responses[okStatus]) ? responses[okStatus].content : null, components) ?? {
                fields: [],
              }),
            }
          : null,
      };
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
    }
  }
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  return {
    title: str(info.title),
    version: str(info.version),
    description: str(info.description),
    baseUrl: servers[0] ? str(servers[0].url) : "",
    tags: [...byTag].map(([name, operations]) => ({ name, operations })),
    schemas: Object.entries(components)
      .filter(([, s]) => isObject(s))
      .map(([name, s]) => ({ name, description: str((s as TJson).description), fields: fieldsOf(s) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    errors,
    errorSchema,
  };
}
