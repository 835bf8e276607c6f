import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ZApiError } from "@forecourt/protocol/api";
import type { TApiEndpoint } from "./endpoint";
import { API_ENDPOINTS } from "./endpoints";

const ERRORS = {
  "400": "The input is malformed (issues lists what)",
  "401": "No valid API key",
  "403": "The key's scopes do not allow this",
  "404": "Not found (or outside the key's dealers: never which)",
  "422": "A business rule refused it, or an Idempotency-Key reused with another request",
  "429": "Rate limited: retry after the Retry-After header's seconds",
} as const;

function operation(endpoint: TApiEndpoint): ZodOpenApiOperationObject {
  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: ZApiError } } },
    ]),
  );
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    "x-forecourt-permission": endpoint.permission,
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
    },
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: endpoint.body } } } }
      : {}),
    responses: {
      [String(endpoint.status ?? 200)]: {
        description: "OK",
        content: { "application/json": { schema: endpoint.response } },
      },
      ...errorResponses,
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of /api/v1, from the endpoints' own zod schemas. */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of API_ENDPOINTS) {
    const item = (paths[endpoint.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Forecourt API",
      version: "1",
      description:
        "The public REST API of Forecourt (docs/api.md). Authenticate with `Authorization: Bearer <API key>`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys" },
      },
    },
    paths,
  });
  return cached;
}
