import { twilioHook } from "@/server/http/twilio-hook";

/** A customer's SMS or MMS to a dealer's Twilio number: paste this URL as the number's (or Messaging Service's) incoming-message webhook. */
export async function POST(request: Request, context: { params: Promise<{ channelId: string }> }) {
  return twilioHook(request, (await context.params).channelId, "inbound");
}
