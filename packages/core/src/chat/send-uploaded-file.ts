import type { z } from "zod";
import { sendAttachment } from "./save-attachment";
import type { TPersonSender } from "./send-message";
import type { ZUploadFields } from "./upload-fields";

/**
 * Sends an uploaded file (agent or visitor, as the web app read it from a size-bounded
 * multipart body) as an attachment message; answers what both upload routes return.
 */
export async function sendUploadedFile(options: { sender: TPersonSender; upload: z.output<typeof ZUploadFields> }) {
  const { conversationId, clientId, file } = options.upload;
  const result = await sendAttachment({
    sender: options.sender,
    conversationId,
    clientId,
    fileName: file.name,
    declaredType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return { ok: true as const, id: result.id, seq: result.seq, message: result.event };
}
