import { NextResponse } from "next/server";
import { z } from "zod";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { ATTACHMENT_MAX_BYTES } from "@forecourt/protocol";
import { errorResponse, jsonError, visitorFromRequest } from "@/server/chat-http";
import { clientIp } from "@/server/client-ip";

const ZFields = z.object({ conversationId: z.uuid(), clientId: z.string().min(8).max(64) });

/** A visitor sends an image or PDF (size, type and magic bytes are checked by core). */
export async function POST(request: Request) {
  const visitor = await visitorFromRequest(request);
  if (!visitor) return jsonError(401, "unauthorized", "Start a new chat");
  if (Number(request.headers.get("content-length") ?? 0) > ATTACHMENT_MAX_BYTES + 64 * 1024) {
    return jsonError(413, "invalid_payload", "File refused: too large (10 MB at most)");
  }
  const limit = await consumeChatLimit("uploads", clientIp(request.headers), visitor.channelId);
  if (!limit.ok) return jsonError(429, "rate_limited", `Too many files; try again in ${limit.retryAfterSeconds} s`);
  try {
    const form = await request.formData();
    const fields = ZFields.parse({ conversationId: form.get("conversationId"), clientId: form.get("clientId") });
    const file = form.get("file");
    if (!(file instanceof File)) return jsonError(400, "invalid_payload", "No file");
    const result = await sendAttachment({
      sender: { visitor },
      ...fields,
      fileName: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return NextResponse.json({ ok: true, id: result.id, seq: result.seq, message: result.event });
  } catch (error) {
    return errorResponse(error);
  }
}
