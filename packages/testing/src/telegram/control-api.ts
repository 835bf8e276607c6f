import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseJson, readBody, sendJson } from "../meta-graph/http-util";
import type { TTelegramInboundSpec } from "./inbound";
import type { TTelegramBotApi } from "./server";

/*
 * The control API (`/__control/*`): the programmatic API over HTTP for another process
 * (Playwright against the demo, curl). JSON in and out; file bytes as base64 (`bytesBase64`).
 * Nothing under /__control exists on api.telegram.org.
 */

const ZBot = z.object({
  token: z.string().min(3),
  username: z.string().optional(),
  firstName: z.string().optional(),
  label: z.string().optional(),
});
const ZUser = z.object({
  id: z.number().int().positive(),
  firstName: z.string().min(1),
  lastName: z.string().optional(),
  username: z.string().optional(),
});
const ZFailure = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("server_error"), status: z.number().int().min(500).max(599).optional() }),
  z.object({ kind: z.literal("rate_limit"), retryAfter: z.number().int().min(0).max(3600) }),
  z.object({ kind: z.literal("blocked") }),
  z.object({ kind: z.literal("bad_request"), description: z.string().optional() }),
  z.object({ kind: z.literal("hang"), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal("drop") }),
]);
const ZFail = z.object({
  failure: ZFailure,
  times: z.number().int().min(1).max(10_000).optional(),
  on: z.enum(["send", "getFile", "file", "setWebhook", "any"]).optional(),
  botId: z.string().optional(),
});
const bytes = z.string().transform((s) => Buffer.from(s, "base64"));
const ZSpec = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1) }),
  z.object({ type: z.literal("photo"), bytesBase64: bytes, caption: z.string().optional() }),
  z.object({
    type: z.literal("voice"),
    bytesBase64: bytes,
    mimeType: z.string().optional(),
    duration: z.number().optional(),
  }),
  z.object({
    type: z.literal("audio"),
    bytesBase64: bytes,
    mimeType: z.string().optional(),
    fileName: z.string().optional(),
  }),
  z.object({
    type: z.literal("document"),
    bytesBase64: bytes,
    mimeType: z.string(),
    fileName: z.string(),
    caption: z.string().optional(),
  }),
  z.object({ type: z.literal("location"), latitude: z.number(), longitude: z.number() }),
  z.object({
    type: z.literal("contact"),
    phoneNumber: z.string(),
    firstName: z.string(),
    lastName: z.string().optional(),
  }),
  z.object({ type: z.literal("edit"), messageId: z.number().int(), text: z.string().min(1) }),
]);
const ZInbound = z.object({
  botId: z.string(),
  user: ZUser,
  message: ZSpec,
  secretToken: z.string().nullable().optional(),
});

function toSpec(spec: z.infer<typeof ZSpec>): TTelegramInboundSpec {
  if ("bytesBase64" in spec) {
    const { bytesBase64, ...rest } = spec;
    return { ...rest, bytes: bytesBase64 } as TTelegramInboundSpec;
  }
  return spec;
}

export async function routeControl(api: TTelegramBotApi, req: IncomingMessage, res: ServerResponse, url: URL) {
  const path = url.pathname.slice("/__control".length);
  const body = req.method === "POST" ? parseJson(await readBody(req, 30 << 20)) : undefined;
  const bad = (error: z.ZodError) => sendJson(res, 400, { error: z.prettifyError(error) });
  try {
    if (req.method === "GET" && path === "/bots")
      return sendJson(
        res,
        200,
        api.bots().map((b) => ({ id: b.id, username: b.username, label: b.label, webhook: b.webhook })),
      );
    if (req.method === "POST" && path === "/bots") {
      const parsed = z.array(ZBot).safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      return sendJson(
        res,
        200,
        parsed.data.map((b) => api.addBot(b).id),
      );
    }
    if (req.method === "POST" && path === "/fail") {
      const parsed = ZFail.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      api.failNext(parsed.data.failure, parsed.data);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "POST" && path === "/inbound") {
      const parsed = ZInbound.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const { message, ...rest } = parsed.data;
      const result = await api.postInbound({ ...rest, message: toSpec(message) });
      return sendJson(res, 200, {
        status: result.status,
        body: result.body,
        updateId: result.updateId,
        messageId: result.messageId,
        fileId: result.fileId,
        deliveryId: result.delivery.id,
      });
    }
    if (req.method === "POST" && path === "/block") {
      const parsed = z.object({ botId: z.string(), user: ZUser, blocked: z.boolean() }).safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const result = await api.setBlocked(parsed.data);
      return sendJson(res, 200, { status: result.status, updateId: result.updateId });
    }
    if (req.method === "POST" && path === "/redeliver") {
      const parsed = z.object({ deliveryId: z.number().int().optional() }).safeParse(body ?? {});
      if (!parsed.success) return bad(parsed.error);
      const result = await api.redeliver(parsed.data.deliveryId);
      return sendJson(res, 200, { status: result.status, body: result.body });
    }
    if (req.method === "POST" && path === "/reset") {
      api.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "GET" && path === "/sent") {
      const botId = url.searchParams.get("botId") ?? undefined;
      const chat = url.searchParams.get("chatId");
      return sendJson(res, 200, api.sent({ botId, chatId: chat ? Number(chat) : undefined }));
    }
    if (req.method === "GET" && path === "/webhooks") return sendJson(res, 200, api.webhooks());
    return sendJson(res, 404, { error: "unknown control path" });
  } catch (error) {
    return sendJson(res, 409, { error: error instanceof Error ? error.message : String(error) });
  }
}
