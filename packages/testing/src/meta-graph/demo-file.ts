import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { TChannelSimulatorFile } from "@forecourt/db/channel-simulator-file";
import type { TMetaGraph } from "./server";

/*
 * Demo mode's accounts: the seed writes .forecourt/channel-simulator.json (the demo dealers'
 * numbers, pages, tokens and app secrets, and our webhook URL); the simulator registers them.
 */

const ZDemoFile = z.object({
  webhookUrl: z.url(),
  dealers: z.array(
    z.object({
      dealerName: z.string(),
      whatsapp: z.object({
        phoneNumberId: z.string(),
        wabaId: z.string(),
        displayPhoneNumber: z.string(),
        accessToken: z.string(),
        appSecret: z.string(),
      }),
      messenger: z.object({
        pageId: z.string(),
        pageName: z.string(),
        pageAccessToken: z.string(),
        appSecret: z.string(),
      }),
    }),
  ),
}) satisfies z.ZodType<Pick<TChannelSimulatorFile, "webhookUrl">>;

/** Registers the file's accounts (again, after a re-seed); returns how many dealers, or why not. */
export function loadDemoAccounts(graph: TMetaGraph, file: string): { dealers: number } | { error: string } {
  if (!existsSync(file)) return { error: `${file} does not exist yet: run the seed (pnpm db:seed).` };
  let parsed: z.infer<typeof ZDemoFile>;
  try {
    parsed = ZDemoFile.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    return {
      error: `${file} is not what the seed writes (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  for (const d of parsed.dealers) {
    graph.addWhatsApp({ ...d.whatsapp, webhookUrl: parsed.webhookUrl, label: d.dealerName });
    graph.addMessenger({ ...d.messenger, webhookUrl: parsed.webhookUrl, label: d.dealerName });
  }
  return { dealers: parsed.dealers.length };
}
