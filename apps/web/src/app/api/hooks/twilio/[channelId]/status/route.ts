import { twilioHook } from "@/server/http/twilio-hook";

/** Status callbacks of the SMS we send (we name this URL as StatusCallback on every send). */
export async function POST(request: Request, context: { params: Promise<{ channelId: string }> }) {
  return twilioHook(request, (await context.params).channelId, "status");
}
