import { NextResponse } from "next/server";
import { queryObject, respond, routeMeta } from "@/server/chat-http";
import { readBodyBytes } from "@/server/http/read-body";
import { handleMetaSubscription, handleMetaWebhook } from "@/server/handlers/hooks";

/** Meta batches many events in one POST; anything larger is refused while it streams in. */
const META_WEBHOOK_MAX_BYTES = 2 * 1024 * 1024;

/** The callback URL of every WhatsApp number and Messenger page (one per Meta app). GET: the handshake. */
export async function GET(request: Request) {
  return respond(
    handleMetaSubscription(queryObject(request), routeMeta(request)),
    (challenge) =>
      new NextResponse(challenge, {
        status: 200,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      }),
  );
}

/** POST: signed events. 200 only after they are committed, so Meta's retries cover a crash. */
export async function POST(request: Request) {
  return respond(
    async () =>
      handleMetaWebhook(
        await readBodyBytes(request, { maxBytes: META_WEBHOOK_MAX_BYTES }),
        request.headers.get("x-hub-signature-256"),
      ),
    (counts) => NextResponse.json({ received: counts }),
  );
}
