import { NextResponse } from "next/server";
import { respond } from "@/server/chat-http";
import { readBodyBytes } from "@/server/http/read-body";
import { handleTelegramWebhook } from "@/server/handlers/hooks";

/** One Telegram update per POST (a photo's or voice note's is a reference, not the file): 1 MB is plenty. */
const TELEGRAM_WEBHOOK_MAX_BYTES = 1024 * 1024;

/**
 * The callback URL our setWebhook registers for one bot. The secret token header is checked
 * before anything is written; 200 only after commit (Telegram retries anything else).
 */
export async function POST(request: Request, context: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await context.params;
  return respond(
    async () =>
      handleTelegramWebhook(
        channelId,
        await readBodyBytes(request, { maxBytes: TELEGRAM_WEBHOOK_MAX_BYTES }),
        request.headers.get("x-telegram-bot-api-secret-token"),
      ),
    (counts) => NextResponse.json({ received: counts }),
  );
}
