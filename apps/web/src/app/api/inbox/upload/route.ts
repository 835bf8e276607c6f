import { readDashboardUpload, respond, routeMeta } from "@/server/chat-http";
import { handleAgentUpload } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** An agent sends a file (checked by size, type and magic bytes in core). */
export async function POST(request: Request) {
  return respond(async () => {
    // Same-origin and size checks first: a cross-site or oversize upload is refused before the session is read.
    const fields = await readDashboardUpload(request);
    return handleAgentUpload(await getCurrentSession(), fields, routeMeta(request));
  });
}
