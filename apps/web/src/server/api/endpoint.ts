import { createHash } from "node:crypto";
import { z } from "zod";
import type { TAction } from "@forecourt/auth";
import { consumeApiLimit } from "@forecourt/core/api-keys/api-rate-limit";
import { withIdempotency } from "@forecourt/core/api-keys/idempotency";
import { resolveApiKey } from "@forecourt/core/api-keys/resolve-api-key";
import { InvalidInputError, UnauthenticatedError } from "@forecourt/core/errors";
import { assertMay, type TApiKeyPrincipal } from "@forecourt/core/principal";
import { parseInput } from "../define-handler";
import { run, toFailure, type THandlerFailure, type THandlerMeta, type THandlerResult } from "../handlers/result";

/*
 * The one door of the public API (/api/v1, docs/api.md). An endpoint is declared once, with its
 * method, path, permission and zod schemas; the same declaration
 *   - resolves the API-key principal (core's resolveApiKey), spends its rate limit, asks the
 *     permission matrix (each action names the key scope that grants it),
 *   - parses path, query and body with the schemas, runs the use case, and parses the answer
 *     with the response schema (so nothing undeclared ever leaves),
 *   - replays writes by Idempotency-Key,
 *   - and is the OpenAPI document's operation (openapi.ts), so the document cannot drift.
 * Errors are core's vocabulary with the same JSON envelope as every route ({ code, error, … }).
 */

export type THttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

type TZObject = z.ZodObject<z.ZodRawShape>;

export type TApiEndpointSpec<P extends TZObject, Q extends TZObject, B extends z.ZodType, R extends z.ZodType> = {
  method: THttpMethod;
  /** OpenAPI style, under /api/v1: "/conversations/{conversationId}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  permission: TAction;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 201 for creations; default 200. */
  status?: 200 | 201;
};

export type TApiInput<P extends TZObject, Q extends TZObject, B extends z.ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

export type TApiContext<P extends TZObject, Q extends TZObject, B extends z.ZodType> = TApiInput<P, Q, B> & {
  principal: TApiKeyPrincipal;
  meta: TApiMeta;
};

export type TApiMeta = THandlerMeta & {
  /** The Idempotency-Key header of a write, if sent. */
  idempotencyKey?: string | null;
};

/** What a caller hands the endpoint: raw path params, query and body (untrusted). */
export type TApiRawInput = { params?: unknown; query?: unknown; body?: unknown };

export type TApiEndpoint = TApiEndpointSpec<TZObject, TZObject, z.ZodType, z.ZodType> & {
  /** Runs the endpoint for a bearer token, as routes and the isolation suite call it. */
  handle: (token: string | null, raw: TApiRawInput, meta?: TApiMeta) => Promise<TApiResult>;
};

/** A result with the HTTP status it goes out with (201 for creations, a replay's original status). */
export type TApiResult = (THandlerResult<unknown> & { httpStatus: number }) & { replayed?: boolean };

const ZIdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "Printable ASCII only");

const EMPTY = z.object({});

export function defineApiEndpoint<
  R extends z.ZodType,
  P extends TZObject = typeof EMPTY,
  Q extends TZObject = typeof EMPTY,
  B extends z.ZodType = z.ZodUndefined,
>(
  spec: TApiEndpointSpec<P, Q, B, R>,
  fn: (context: TApiContext<P, Q, B>) => Promise<z.input<R>> | z.input<R>,
): TApiEndpoint {
  const status = spec.status ?? 200;
  const handle = async (
    token: string | null,
    raw: TApiRawInput,
    meta: TApiMeta = { ip: null },
  ): Promise<TApiResult> => {
    let principal: TApiKeyPrincipal | null = null;
    const first = await run(async () => {
      principal = token ? await resolveApiKey({ token, ip: meta.ip }) : null;
      if (!principal) throw new UnauthenticatedError("Send a valid API key: Authorization: Bearer fc_live_…");
      await consumeApiLimit(principal);
      assertMay(principal, spec.permission);
      return {
        params: parseInput(spec.params ?? EMPTY, raw.params ?? {}),
        query: parseInput(spec.query ?? EMPTY, raw.query ?? {}),
        body: spec.body ? parseInput(spec.body, raw.body) : undefined,
      } as TApiInput<P, Q, B>;
    });
    if (!first.ok) return { ...first, httpStatus: first.status };
    const p = principal as unknown as TApiKeyPrincipal;
    const execute = async (): Promise<TApiResult> => {
      const result = await run(async () => spec.response.parse(await fn({ ...first.data, principal: p, meta })));
      return result.ok ? { ...result, httpStatus: status } : { ...result, httpStatus: result.status };
    };
    if (spec.method === "GET" || !meta.idempotencyKey) return execute();
    const key = ZIdempotencyKey.safeParse(meta.idempotencyKey);
    if (!key.success) return failed(new InvalidInputError("Idempotency-Key: 1 to 255 printable ASCII characters"));
    const requestHash = createHash("sha256")
      .update(`${spec.method} ${spec.path} ${JSON.stringify(first.data.params)} ${JSON.stringify(raw.body ?? null)}`)
      .digest("hex");
    try {
      const stored = await withIdempotency({ principal: p, key: key.data, requestHash }, async () => {
        const result = await execute();
        // Refusals are answers too (a retry gets the same 422); only crashes free the key.
        return { status: result.httpStatus, body: result };
      });
      return { ...(stored.body as TApiResult), httpStatus: stored.status, replayed: stored.replayed };
    } catch (error) {
      const failure = toFailure(error);
      if (failure) return { ...failure, httpStatus: failure.status };
      throw error;
    }
  };
  return { ...(spec as unknown as TApiEndpointSpec<TZObject, TZObject, z.ZodType, z.ZodType>), status, handle };
}

function failed(error: InvalidInputError): TApiResult {
  const failure = toFailure(error) as THandlerFailure;
  return { ...failure, httpStatus: failure.status };
}
