import { z } from "zod";
import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";
import { loadManagedMetaChannel } from "./meta-channel";

/** Settings → Channels → "Send a test message": WhatsApp: a phone number; Messenger: a PSID. */
export const ZSendChannelTestMessage = z.object({
  channelId: z.uuid(),
  to: z.string().trim().min(1).max(64),
  text: z.string().trim().min(1).max(1000),
});

// LEAD: replace — a placeholder so Settings → Channels compiles until the lead's version lands.
// It refuses as the real one must (permission, tenant, dealer scope, Meta channels only), then says not_ready.
/**
 * Sends a test text through a WhatsApp (to: a phone number) or Messenger (to: a PSID) channel,
 * so an administrator sees the connection work.
 */
export async function sendChannelTestMessage(options: {
  principal: TPrincipal;
  channelId: string;
  to: string;
  text: string;
}): Promise<{ externalId: string }> {
  return inChannelSettings(options.principal, "send a test message", async (tx, agent) => {
    await loadManagedMetaChannel(tx, agent, options.channelId);
    throw new RuleError("not_ready", "Test messages are not available yet.");
  });
}
