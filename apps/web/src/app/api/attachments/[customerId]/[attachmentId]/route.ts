import { readAttachment } from "@forecourt/core/chat/save-attachment";
import { verifyAttachmentLink } from "@forecourt/core/chat/message-event";
import { jsonError } from "@/server/chat-http";

/**
 * An attachment, by signed link only (the links in message events). Always a download, never
 * rendered by the browser inside our origin: Content-Disposition attachment, nosniff, sandbox.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ customerId: string; attachmentId: string }> },
) {
  const { customerId, attachmentId } = await context.params;
  const url = new URL(request.url);
  const uuid = /^[0-9a-f-]{36}$/;
  if (
    !uuid.test(customerId) ||
    !uuid.test(attachmentId) ||
    !verifyAttachmentLink(
      customerId,
      attachmentId,
      url.searchParams.get("exp") ?? "",
      url.searchParams.get("sig") ?? "",
    )
  ) {
    return jsonError(404, "not_found", "Not found");
  }
  const file = await readAttachment({ customerId, attachmentId });
  if (!file) return jsonError(404, "not_found", "Not found");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename="${file.fileName.replace(/"/g, "")}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, max-age=3600",
    },
  });
}
