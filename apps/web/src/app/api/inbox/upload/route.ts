import { respond } from "@/server/chat-http";
import { handleAgentUpload } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** An agent sends a file (checked by size, type and magic bytes in core). */
export async function POST(request: Request) {
  return respond(handleAgentUpload(await getCurrentSession(), request));
}
