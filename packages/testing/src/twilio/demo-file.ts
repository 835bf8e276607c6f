import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { TTwilio } from "./server";

/*
 * Demo mode's SMS accounts: the seed adds each dealer's Twilio account and number to
 * .forecourt/channel-simulator.json (seed-sms-channels.ts); the stand-in registers them, one
 * number per dealer, each with its own webhook URL and the dealer's name as its label.
 */
const ZSmsDemoFile = z.object({
  dealers: z.array(
    z.object({
      dealerName: z.string(),
      sms: z
        .object({
          channelId: z.string(),
          accountSid: z.string(),
          authToken: z.string(),
          fromNumber: z.string(),
          inboundUrl: z.url(),
        })
        .optional(),
    }),
  ),
});

/** Registers the file's SMS numbers (again, after a re-seed); returns how many, or why not. */
export function loadTwilioDemoAccounts(twilio: TTwilio, file: string): { numbers: number } | { error: string } {
  if (!existsSync(file)) return { error: `${file} does not exist yet: run the seed (pnpm db:seed).` };
  let parsed: z.infer<typeof ZSmsDemoFile>;
  try {
    parsed = ZSmsDemoFile.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    return {
      error: `${file} is not what the seed writes (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  let numbers = 0;
  for (const d of parsed.dealers) {
    if (!d.sms) continue;
    twilio.addAccount({
      accountSid: d.sms.accountSid,
      authToken: d.sms.authToken,
      numbers: [d.sms.fromNumber],
      inboundUrl: null,
      label: d.dealerName,
      numberSettings: { [d.sms.fromNumber]: { inboundUrl: d.sms.inboundUrl, label: d.dealerName } },
    });
    numbers += 1;
  }
  return { numbers };
}
