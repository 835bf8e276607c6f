import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi";

/*
 * The OpenAPI document is built from the endpoints' own declarations; this test closes the other
 * gap: every /api/v1 route file (but the OEM-app client routes, documented in docs/api-channel.md)
 * must serve a declared endpoint, and every declared endpoint must be in the document.
 */

const APP = join(__dirname, "../../app");
const V1 = join(APP, "api/v1");

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** `app/api/v1/conversations/[conversationId]/route.ts` → `/conversations/{conversationId}`. */
function openApiPath(file: string): string {
  const dir = relative(V1, file).replace(/\/?route\.ts$/, "");
  return `/${dir}`.replace(/\[([^\]]+)\]/g, "{$1}").replace(/\/$/, "") || "/";
}

const routes = [...walk(V1)]
  .filter((f) => f.endsWith("/route.ts") && !relative(V1, f).startsWith("client/") && !f.includes("openapi.json"))
  .flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /export\s+(?:const|async function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b/g,
      ),
    ].map((m) => ({ file: relative(APP, file), path: openApiPath(file), method: m[1]!.toLowerCase() })),
  );

describe("the OpenAPI document of /api/v1", () => {
  const document = openApiDocument();

  it("has an operation, with a response schema, for every route", () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const operation = (document.paths?.[route.path] as Record<string, { responses?: Record<string, unknown> }>)?.[
        route.method
      ];
      expect(operation, `${route.file} ${route.method.toUpperCase()} has no operation in the document`).toBeDefined();
      const ok = operation?.responses?.["200"] ?? operation?.responses?.["201"];
      expect(JSON.stringify(ok), `${route.file} has no response schema`).toContain("schema");
    }
  });

  it("lists no endpoint that no route serves", () => {
    const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const endpoint of API_ENDPOINTS) {
      expect(served.has(`${endpoint.method.toLowerCase()} ${endpoint.path}`), endpoint.operationId).toBe(true);
    }
  });

  it("declares unique operation ids, the bearer scheme and the error envelope", () => {
    const ids = API_ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components?.schemas?.Error).toBeDefined();
  });
});
