import { NextResponse } from "next/server";
import { z } from "zod";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { errorResponse, jsonError } from "@/server/chat-http";
import { agentFor } from "@/server/agent";

const ZFields = z.object({ conversationId: z.uuid(), clientId: z.string().min(8).max(64) });

/** An agent sends a file (checked by size, type and magic bytes in core). */
export async function POST(request: Request) {
  const auth = await agentFor("conversations.reply");
  if ("response" in auth) return auth.response;
  try {
    const form = await request.formData();
    const fields = ZFields.parse({ conversationId: form.get("conversationId"), clientId: form.get("clientId") });
    const file = form.get("file");
    if (!(file instanceof File)) return jsonError(400, "invalid_payload", "No file");
    const result = await sendAttachment({
      sender: { agent: auth.agent },
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
