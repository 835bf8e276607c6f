import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { isRecord, parseJson, readBody, sendJson } from "./http-util";
import type { TMessengerInbound, TWhatsAppInbound } from "./inbound";
import type { TMetaGraph } from "./server";

/*
 * The control API (`/__control/*`): the programmatic API over HTTP, for a test or a script in
 * another process (Playwright against the demo, curl). JSON in and out; file bytes as base64
 * (`bytesBase64`). Not part of Meta's protocol: nothing under /__control exists on graph.facebook.com.
 */

const ZTemplate = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.enum(["UTILITY", "MARKETING", "AUTHENTICATION"]),
  status: z.enum(["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"]),
  components: z.array(
    z.object({
      type: z.enum(["HEADER", "BODY", "FOOTER", "BUTTONS"]),
      text: z.string().optional(),
      format: z.string().optional(),
    }),
  ),
});

export const ZWhatsAppAccountInput = z.object({
  phoneNumberId: z.string().min(1),
  wabaId: z.string().min(1),
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  webhookUrl: z.string().url().nullable(),
  displayPhoneNumber: z.string().optional(),
  label: z.string().optional(),
  templates: z.array(ZTemplate).optional(),
});

export const ZMessengerPageInput = z.object({
  pageId: z.string().min(1),
  pageAccessToken: z.string().min(1),
  appSecret: z.string().min(1),
  webhookUrl: z.string().url().nullable(),
  pageName: z.string().optional(),
  label: z.string().optional(),
});

const ZAccounts = z.object({
  whatsapp: z.array(ZWhatsAppAccountInput).default([]),
  messenger: z.array(ZMessengerPageInput).default([]),
});

const ZFailure = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("server_error"), status: z.number().int().min(500).max(599).optional() }),
  z.object({ kind: z.literal("rate_limit"), code: z.number().int().optional() }),
  z.object({
    kind: z.literal("graph_error"),
    code: z.number().int(),
    subcode: z.number().int().optional(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    details: z.string().optional(),
  }),
  z.object({ kind: z.literal("hang"), ms: z.number().int().min(0).max(600_000), thenProcess: z.boolean().optional() }),
  z.object({ kind: z.literal("drop") }),
  z.object({
    kind: z.literal("status_failure"),
    code: z.number().int(),
    title: z.string().optional(),
    details: z.string().optional(),
  }),
]);

const ZFail = z.object({
  failure: ZFailure,
  times: z.number().int().min(1).max(10_000).optional(),
  on: z.enum(["send", "upload", "media", "templates", "any"]).optional(),
  accountId: z.string().optional(),
});

const ZStatus = z.object({
  id: z.string().min(1),
  status: z.enum(["sent", "delivered", "read", "played", "failed"]),
  phoneNumberId: z.string().optional(),
  errors: z
    .array(
      z.object({
        code: z.number().int(),
        title: z.string().optional(),
        message: z.string().optional(),
        details: z.string().optional(),
      }),
    )
    .optional(),
  timestamp: z.number().optional(),
});

const ZLastInbound = z.object({
  channel: z.enum(["whatsapp", "messenger"]),
  accountId: z.string(),
  customer: z.string(),
  at: z.union([z.number(), z.iso.datetime(), z.null()]),
});

const ZReceipt = z.object({
  pageId: z.string(),
  psid: z.string(),
  kind: z.enum(["delivery", "read"]),
  watermark: z.number().optional(),
  mids: z.array(z.string()).optional(),
});

/** `bytesBase64` → `bytes` in every message spec (JSON cannot carry bytes). */
function withBytes<T>(value: T): T {
  if (!isRecord(value) || !Array.isArray(value.messages)) return value;
  return {
    ...value,
    messages: value.messages.map((m: unknown) =>
      isRecord(m) && typeof m.bytesBase64 === "string" ? { ...m, bytes: Buffer.from(m.bytesBase64, "base64") } : m,
    ),
  };
}

export async function routeControl(graph: TMetaGraph, req: IncomingMessage, res: ServerResponse, url: URL) {
  const path = url.pathname.slice("/__control".length);
  const body = req.method === "GET" || req.method === "DELETE" ? undefined : parseJson(await readBody(req, 50 << 20));
  const bad = (message: string) => sendJson(res, 400, { error: message });
  const parse = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
    const result = schema.safeParse(value);
    if (!result.success) {
      bad(z.prettifyError(result.error));
      return null;
    }
    return result.data;
  };
  try {
    const route = `${req.method} ${path}`;
    switch (route) {
      case "GET /health":
        return sendJson(res, 200, { ok: true });
      case "GET /accounts":
        return sendJson(res, 200, graph.accounts());
      case "POST /accounts": {
        const input = parse(ZAccounts, body);
        if (!input) return;
        return sendJson(res, 200, {
          whatsapp: input.whatsapp.map((a) => graph.addWhatsApp(a)),
          messenger: input.messenger.map((p) => graph.addMessenger(p)),
        });
      }
      case "POST /fail": {
        const input = parse(ZFail, body);
        if (!input) return;
        graph.failNext(input.failure, { times: input.times, on: input.on, accountId: input.accountId });
        return sendJson(res, 200, { ok: true });
      }
      case "DELETE /fail":
        graph.clearFailures();
        return sendJson(res, 200, { ok: true });
      case "GET /sent": {
        const channel = url.searchParams.get("channel");
        return sendJson(res, 200, {
          data: graph.sent({
            channel: channel === "whatsapp" || channel === "messenger" ? channel : undefined,
            accountId: url.searchParams.get("accountId") ?? undefined,
            to: url.searchParams.get("to") ?? undefined,
          }),
        });
      }
      case "GET /webhooks":
        return sendJson(res, 200, { data: graph.webhooks() });
      case "POST /redeliver": {
        const id = isRecord(body) && typeof body.id === "number" ? body.id : undefined;
        const result = await graph.redeliver(id);
        return sendJson(res, 200, { status: result.status, body: result.body, error: result.error });
      }
      case "POST /inbound/whatsapp": {
        if (!isRecord(body)) return bad("expected a JSON object");
        const result = Array.isArray(body.batch)
          ? await graph.postWhatsAppBatch(
              body.batch.map((b) => withBytes(b as TWhatsAppInbound)),
              {
                layout: body.layout === "entries" ? "entries" : "changes",
              },
            )
          : await graph.postWhatsAppInbound(withBytes(body as unknown as TWhatsAppInbound));
        return sendJson(res, 200, {
          status: result.status,
          body: result.body,
          messageIds: result.messageIds,
          mediaIds: result.mediaIds,
        });
      }
      case "POST /inbound/messenger": {
        if (!isRecord(body)) return bad("expected a JSON object");
        const inputs = (Array.isArray(body.batch) ? body.batch : [body]).map((b) => withBytes(b as TMessengerInbound));
        const result = await graph.postMessenger(inputs);
        return sendJson(res, 200, {
          status: result.status,
          body: result.body,
          messageIds: result.messageIds,
          mediaIds: result.mediaIds,
        });
      }
      case "POST /status": {
        const input = parse(
          z.object({ statuses: z.array(ZStatus), together: z.boolean().optional() }),
          isRecord(body) && Array.isArray(body.statuses) ? body : { statuses: [body] },
        );
        if (!input) return;
        const results = await graph.postStatuses(input.statuses, { together: input.together });
        return sendJson(res, 200, {
          results: results.map((r) => ({ status: r.status, body: r.body, error: r.error })),
        });
      }
      case "POST /receipt": {
        const input = parse(ZReceipt, body);
        if (!input) return;
        const result = await graph.postMessengerReceipt(input);
        return sendJson(res, 200, { status: result.status, body: result.body, error: result.error });
      }
      case "POST /last-inbound": {
        const input = parse(ZLastInbound, body);
        if (!input) return;
        graph.setLastInbound({ ...input, at: typeof input.at === "string" ? Date.parse(input.at) : input.at });
        return sendJson(res, 200, { ok: true });
      }
      case "POST /reset":
        graph.reset();
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { error: `no control route ${route}` });
    }
  } catch (error) {
    return bad(error instanceof Error ? error.message : String(error));
  }
}
