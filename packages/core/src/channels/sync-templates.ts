import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";
import { loadManagedMetaChannel } from "./meta-channel";

// LEAD: replace — a placeholder so Settings → Channels compiles until the lead's version lands.
// It refuses as the real one must (permission, tenant, dealer scope, WhatsApp only), then says not_ready.
/** Syncs a WhatsApp channel's message templates from the Graph API (MessageTemplate rows). */
export async function syncTemplates(options: { principal: TPrincipal; channelId: string }): Promise<{ count: number }> {
  return inChannelSettings(options.principal, "sync templates", async (tx, agent) => {
    const channel = await loadManagedMetaChannel(tx, agent, options.channelId);
    if (channel.type !== "WHATSAPP") throw new RuleError("templates_whatsapp_only", "Only WhatsApp has templates.");
    throw new RuleError("not_ready", "Template sync is not available yet.");
  });
}
