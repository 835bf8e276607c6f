import { readUpload, respond, routeMeta } from "@/server/chat-http";
import { handleAgentUpload } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** An agent sends a file (checked by size, type and magic bytes in core). */
export async function POST(request: Request) {
  return respond(async () =>
    handleAgentUpload(await getCurrentSession(), await readUpload(request), routeMeta(request)),
  );
}
