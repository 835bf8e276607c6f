import { respond } from "@/server/chat-http";
import { handleVisitorUpload } from "@/server/handlers/widget";

/** A visitor sends an image or PDF (size, type and magic bytes are checked by core). */
export async function POST(request: Request) {
  return respond(handleVisitorUpload(request));
}
