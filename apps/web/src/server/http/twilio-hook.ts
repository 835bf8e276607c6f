import { NextResponse } from "next/server";
import { InvalidInputError } from "@forecourt/core/errors";
import { respond } from "../chat-http";
import { handleTwilioWebhook } from "../handlers/hooks";
import { readBodyBytes } from "./read-body";

/** One SMS webhook is a small form (an MMS names its files by URL); anything larger is refused while it streams in. */
const TWILIO_WEBHOOK_MAX_BYTES = 64 * 1024;

/** What Twilio expects from a messaging webhook when we send no reply: empty TwiML. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * POST /api/hooks/twilio/<channelId> (a customer's SMS/MMS) and …/status (status callbacks):
 * the raw form body, bounded while it streams; core verifies X-Twilio-Signature against the
 * URL rebuilt from WEB_URL (never this request's Host). 200 with empty TwiML only after commit.
 */
export async function twilioHook(request: Request, channelId: string, kind: "inbound" | "status") {
  return respond(
    async () => {
      const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/x-www-form-urlencoded")
        throw new InvalidInputError("Twilio webhooks are form-encoded.", [], "unsupported_media_type");
      const rawBody = await readBodyBytes(request, { maxBytes: TWILIO_WEBHOOK_MAX_BYTES });
      return handleTwilioWebhook({ channelId, kind, rawBody, signature: request.headers.get("x-twilio-signature") });
    },
    () =>
      new NextResponse(EMPTY_TWIML, {
        status: 200,
        headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" },
      }),
  );
}
