import { respond } from "@/server/chat-http";
import { handleAttachment } from "@/server/handlers/widget";

/**
 * An attachment, by signed link only (the links in message events). Always a download, never
 * rendered by the browser inside our origin: Content-Disposition attachment, nosniff, sandbox.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ customerId: string; attachmentId: string }> },
) {
  const { searchParams } = new URL(request.url);
  const link = { ...(await context.params), exp: searchParams.get("exp") ?? "", sig: searchParams.get("sig") ?? "" };
  return respond(
    handleAttachment(link),
    (file) =>
      new Response(new Uint8Array(file.bytes), {
        headers: {
          "content-type": file.mimeType,
          "content-disposition": `attachment; filename="${file.fileName.replace(/"/g, "")}"`,
          "x-content-type-options": "nosniff",
          "content-security-policy": "sandbox; default-src 'none'",
          "cache-control": "private, max-age=3600",
        },
      }),
  );
}
