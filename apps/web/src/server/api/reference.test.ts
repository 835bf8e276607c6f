import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi";
import { buildReference, fieldsOf, typeOf } from "./reference";

// The reference page reads the OpenAPI document; these check that it shows every endpoint the
// document has, with its scope, and that no schema it links to is missing from "Schemas".
describe("API reference model", () => {
  const reference = buildReference(openApiDocument());
  const operations = reference.tags.flatMap((t) => t.operations);

  it("lists every declared endpoint once, under its tag, with the scope that grants it", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort(),
    );
    for (const endpoint of API_ENDPOINTS) {
      const op = operations.find((o) => o.id === endpoint.operationId)!;
      expect(reference.tags.find((t) => t.operations.includes(op))?.name).toBe(endpoint.tag);
      expect(op.permission).toBe(endpoint.permission);
      expect(op.scope, endpoint.operationId).toMatch(/^[a-z]+:(read|write|manage)$/);
    }
    const list = operations.find((o) => o.id === "listConversations")!;
    expect(list.scope).toBe("conversations:read");
    expect(list.parameters.map((p) => p.name)).toContain("cursor");
    expect(list.response).toMatchObject({ status: "200", ref: "ConversationPage" });
    expect(list.response?.fields.map((f) => f.name)).toEqual(["data", "nextCursor"]);
  });

  it("every schema a field links to is listed, and the error envelope is explained", () => {
    const names = new Set(reference.schemas.map((s) => s.name));
    const refs = [
      ...operations.flatMap((o) => [
        o.requestBody?.ref,
        o.response?.ref,
        ...(o.response?.fields ?? []).map((f) => f.ref),
      ]),
      ...reference.schemas.flatMap((s) => s.fields.map((f) => f.ref)),
    ].filter((r): r is string => !!r);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(names, ref).toContain(ref);
    expect(reference.errorSchema).toBe("Error");
    expect(reference.errors.map((e) => e.status)).toEqual(expect.arrayContaining(["401", "403", "404", "429"]));
    expect(reference.schemas.find((s) => s.name === "Error")?.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["code", "error", "issues", "issues[].path"]),
    );
  });

  it("describes types in words and flattens nested objects, arrays and tagged unions", () => {
    expect(typeOf({ type: ["string", "null"] })).toBe("string, nullable");
    expect(typeOf({ anyOf: [{ type: "string", format: "uuid" }, { type: "null" }] })).toBe("string (uuid), nullable");
    expect(typeOf({ type: "integer", minimum: 1, maximum: 100, default: 50 })).toBe("integer, ≥ 1, ≤ 100, default 50");
    expect(typeOf({ type: "array", items: { $ref: "#/components/schemas/Message" } })).toBe("Message[]");
    expect(typeOf({ type: "string", enum: ["OPEN", "CLOSED"] })).toBe("OPEN | CLOSED");
    const fields = fieldsOf({
      type: "object",
      required: ["contact"],
      properties: {
        contact: { type: "object", properties: { name: { type: "string", description: "Shown name" } } },
        files: { type: "array", items: { type: "object", properties: { url: { type: "string" } } } },
        content: {
          oneOf: [
            { type: "object", properties: { type: { const: "location" }, latitude: { type: "number" } } },
            { type: "object", properties: { type: { const: "reply" }, title: { type: "string" } } },
          ],
        },
      },
    });
    expect(fields.map((f) => f.name)).toEqual([
      "contact",
      "contact.name",
      "files",
      "files[].url",
      "content",
      "content (location).type",
      "content (location).latitude",
      "content (reply).type",
      "content (reply).title",
    ]);
    expect(fields[0]).toMatchObject({ required: true, type: "object" });
    expect(fields[1]).toMatchObject({ required: false, description: "Shown name" });
  });

  it("reads a document of any shape without throwing (the page must never 500 on a new endpoint)", () => {
    expect(buildReference(null).tags).toEqual([]);
    const odd = buildReference({ paths: { "/x": { get: { responses: { 204: { description: "No content" } } } } } });
    expect(odd.tags[0]?.operations[0]).toMatchObject({
      method: "GET",
      path: "/x",
      scope: null,
      response: { status: "204", fields: [] },
    });
  });
});
