import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseJson, readBody, sendJson } from "../meta-graph/http-util";
import type { TTwilio } from "./server";

/*
 * The control API (`/__control/*`): the programmatic API over HTTP for another process
 * (Playwright against the demo, curl). JSON in and out; file bytes as base64. Nothing under
 * /__control exists on api.twilio.com.
 */

const ZAccount = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  authToken: z.string().min(1),
  numbers: z.array(z.string()).min(1),
  messagingServiceSid: z.string().nullable().optional(),
  inboundUrl: z.string().url().nullable(),
  label: z.string().optional(),
  numberSettings: z
    .record(z.string(), z.object({ inboundUrl: z.string().url().nullable().optional(), label: z.string().optional() }))
    .optional(),
});

const ZFailure = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("server_error"), status: z.number().int().min(500).max(599).optional() }),
  z.object({ kind: z.literal("rate_limit") }),
  z.object({
    kind: z.literal("api_error"),
    code: z.number().int(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
  }),
  z.object({ kind: z.literal("hang"), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal("drop") }),
  z.object({
    kind: z.literal("status_failure"),
    code: z.number().int(),
    status: z.enum(["undelivered", "failed"]).optional(),
  }),
]);

const ZInbound = z.object({
  to: z.string(),
  from: z.string(),
  body: z.string().optional(),
  media: z
    .array(z.object({ bytesBase64: z.string(), mimeType: z.string() }))
    .max(10)
    .optional(),
  forge: z.boolean().optional(),
  extra: z.record(z.string(), z.string()).optional(),
});

export async function routeControl(twilio: TTwilio, req: IncomingMessage, res: ServerResponse, url: URL) {
  const name = url.pathname.slice("/__control/".length);
  if (req.method === "GET") {
    if (name === "sent") return sendJson(res, 200, twilio.sent({ to: url.searchParams.get("to") ?? undefined }));
    if (name === "webhooks") return sendJson(res, 200, twilio.webhooks());
    if (name === "accounts")
      return sendJson(
        res,
        200,
        twilio.accounts().map(({ authToken: _, ...a }) => a),
      );
    return sendJson(res, 404, { error: "unknown control endpoint" });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "POST" });
  const input = parseJson(await readBody(req, 30 << 20)) ?? {};
  const fail = (error: unknown) =>
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  try {
    switch (name) {
      case "accounts":
        for (const account of z.array(ZAccount).parse(input)) twilio.addAccount(account);
        return sendJson(res, 200, { accounts: twilio.accounts().length });
      case "fail": {
        const f = z
          .object({
            failure: ZFailure,
            times: z.number().int().min(1).optional(),
            on: z.enum(["send", "media", "any"]).optional(),
            accountSid: z.string().optional(),
          })
          .parse(input);
        twilio.failNext(f.failure, { times: f.times, on: f.on, accountSid: f.accountSid });
        return sendJson(res, 200, { ok: true });
      }
      case "inbound": {
        const i = ZInbound.parse(input);
        const result = await twilio.postInbound({
          ...i,
          media: i.media?.map((m) => ({ bytes: Buffer.from(m.bytesBase64, "base64"), mimeType: m.mimeType })),
        });
        return sendJson(res, 200, result);
      }
      case "status": {
        const s = z
          .object({
            sid: z.string(),
            status: z.enum(["sent", "delivered", "undelivered", "failed"]),
            errorCode: z.number().int().nullable().optional(),
          })
          .parse(input);
        return sendJson(res, 200, await twilio.postStatus(s.sid, s.status, s.errorCode ?? null));
      }
      case "redeliver":
        return sendJson(
          res,
          200,
          await twilio.redeliver(z.object({ id: z.number().int().optional() }).parse(input).id),
        );
      case "reset":
        twilio.reset();
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { error: "unknown control endpoint" });
    }
  } catch (error) {
    return fail(error);
  }
}
