import { readUpload, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleVisitorUpload } from "@/server/handlers/widget";

/** A visitor sends an image or PDF (size, type and magic bytes are checked by core). */
export async function POST(request: Request) {
  return respond(async () =>
    handleVisitorUpload(visitorTokenOf(request), await readUpload(request), routeMeta(request)),
  );
}
