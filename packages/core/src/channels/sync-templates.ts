import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";

// LEAD: replace — a placeholder so Settings → Channels compiles until the lead's version lands.
/** Syncs a WhatsApp channel's message templates from the Graph API (MessageTemplate rows). */
export async function syncTemplates(_options: {
  principal: TPrincipal;
  channelId: string;
}): Promise<{ count: number }> {
  throw new RuleError("not_ready", "Template sync is not available yet.");
}
