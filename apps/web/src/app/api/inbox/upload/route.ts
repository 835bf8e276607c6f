import { respond } from "@/server/chat-http";
import { handleAgentUpload } from "@/server/handlers/inbox";
import { assertSameOrigin } from "@/server/http/same-origin";
import { getCurrentSession } from "@/server/session";

/**
 * An agent sends a file: same-origin only (CSRF), multipart read with a byte limit while it
 * streams in (handleAgentUpload → readUploadBody), then checked by size, type and magic bytes in core.
 */
export async function POST(request: Request) {
  return respond(
    (async () => {
      assertSameOrigin(request);
      return handleAgentUpload(await getCurrentSession(), request);
    })(),
  );
}
