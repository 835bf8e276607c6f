import contentDisposition from "content-disposition";
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
          // RFC 6266 / 5987: an ASCII `filename` fallback plus `filename*=UTF-8''…` for any
          // other name (a raw non-Latin-1 header value would make the response itself fail).
          "content-disposition": contentDisposition(file.fileName, { type: "attachment" }),
          "x-content-type-options": "nosniff",
          "content-security-policy": "sandbox; default-src 'none'",
          "cache-control": "private, max-age=3600",
        },
      }),
  );
}
