import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { TTelegramBotApi } from "./server";

/*
 * Demo mode's bots: the seed writes the demo dealers' bots (token, webhook URL and secret) into
 * the simulator file's `telegram` list; the stand-in registers them with their webhook set, as
 * if Forecourt had called setWebhook when they were connected.
 */

const ZDemoBots = z.object({
  telegram: z
    .array(
      z.object({
        dealerName: z.string(),
        botToken: z.string(),
        botUsername: z.string(),
        botName: z.string(),
        webhookSecret: z.string(),
        webhookUrl: z.url(),
      }),
    )
    .default([]),
});

export function loadDemoBots(api: TTelegramBotApi, file: string): { bots: number } | { error: string } {
  if (!existsSync(file)) return { error: `${file} does not exist yet: run the seed (pnpm db:seed).` };
  let parsed: z.infer<typeof ZDemoBots>;
  try {
    parsed = ZDemoBots.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    return {
      error: `${file} is not what the seed writes (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  for (const b of parsed.telegram) {
    const known = api.bot(b.botToken.split(":")[0]!);
    const bot = api.addBot({ token: b.botToken, username: b.botUsername, firstName: b.botName, label: b.dealerName });
    // A bot seen before keeps what Forecourt told it since (a disconnect's deleteWebhook stays).
    if (!known || known.webhook?.url === b.webhookUrl)
      bot.webhook = {
        url: b.webhookUrl,
        secretToken: b.webhookSecret,
        allowedUpdates: ["message", "edited_message", "my_chat_member"],
      };
  }
  return { bots: parsed.telegram.length };
}
