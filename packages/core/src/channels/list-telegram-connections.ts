import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";
import { telegramConnectionInfoOf, type TTelegramConnectionInfo } from "./telegram-connection";
import { telegramChannelOf } from "./telegram-channel";

/**
 * Settings → Channels: every connected Telegram bot of the principal's dealers, in one
 * transaction. Disconnected bots (no token any more) and unreadable rows are left out.
 */
export async function listTelegramConnections(options: { principal: TPrincipal }): Promise<TTelegramConnectionInfo[]> {
  return inChannelSettings(options.principal, "list Telegram bots", async (tx, agent) => {
    const rows = await tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, type: "TELEGRAM", ...dealerScopeWhere(agent) },
      include: { dealer: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    });
    return rows.flatMap((row) => {
      const channel = telegramChannelOf(row);
      return channel ? [telegramConnectionInfoOf(row, channel, row.dealer)] : [];
    });
  });
}
