import { watchFile } from "node:fs";
import { loadConfigOrExit } from "@forecourt/config";
import { channelSimulatorFilePath } from "@forecourt/db/channel-simulator-file";
import { catcherMailbox, createEmailPlugin, demoEmailDealers } from "../email-sim/email-plugin";
import { loadDemoAccounts } from "../meta-graph/demo-file";
import { startMetaGraph } from "../meta-graph/server";
import { loadTwilioDemoAccounts } from "../twilio/demo-file";
import { startTwilio } from "../twilio/server";
import { createSmsPlugin } from "../twilio/simulator/sms-plugin";
import { loadDemoBots } from "../telegram/demo-file";
import { startTelegramBotApi } from "../telegram/server";
import { createTelegramSimulator } from "../telegram/simulator/telegram-simulator";

/**
 * The channel simulator the start command runs: the Meta Graph stand-in in demo mode on
 * CHANNEL_SIMULATOR_PORT (the web app and worker reach it as META_GRAPH_URL), the Twilio
 * stand-in on TWILIO_STANDIN_PORT (TWILIO_API_URL) and the Telegram Bot API stand-in on
 * TELEGRAM_STANDIN_PORT (TELEGRAM_API_URL), with the seeded dealers' WhatsApp numbers, Messenger
 * pages, SMS numbers and bots, automatic sent/delivered statuses, and the phone-like chat page
 * (WhatsApp, Messenger, SMS, E-mail and Telegram tabs) at the Meta stand-in's root.
 */
const config = loadConfigOrExit();
const file = channelSimulatorFilePath(config);
const telegram = await startTelegramBotApi({ port: config.TELEGRAM_STANDIN_PORT, acceptAnyToken: true });
// The E-mail tab: writes over SMTP into our ingress, reads replies from the mail catcher (the customer's mailbox).
const email = createEmailPlugin({
  dealers: () => demoEmailDealers(file),
  ingress: { host: "127.0.0.1", port: config.SMTP_INGRESS_PORT },
  mailbox: catcherMailbox(`http://127.0.0.1:${config.MAIL_CATCHER_HTTP_PORT}/messages.json`),
});
const twilio = await startTwilio({ port: config.TWILIO_STANDIN_PORT, autoStatuses: true });
const graph = await startMetaGraph({
  port: config.CHANNEL_SIMULATOR_PORT,
  autoStatuses: true,
  simulator: true,
  plugins: [createSmsPlugin(twilio), email, createTelegramSimulator(telegram)],
});

const load = () => {
  const result = loadDemoAccounts(graph, file);
  if ("error" in result) console.warn(`channel simulator: ${result.error}`);
  const sms = loadTwilioDemoAccounts(twilio, file);
  if ("error" in sms) console.warn(`channel simulator (SMS): ${sms.error}`);
  const bots = loadDemoBots(telegram, file);
  if ("error" in bots) console.warn(`channel simulator (Telegram): ${bots.error}`);
  return result;
};
load();
// A re-seed while it runs (new secrets, a new WEB_URL) takes effect without a restart.
watchFile(file, { interval: 2000 }, () => load());

console.log(
  `channel simulator: http://localhost:${graph.port}/ (Meta Graph stand-in at ${graph.url}, webhooks to ${config.WEB_URL}/api/hooks/meta; Twilio stand-in at ${twilio.url}, webhooks to ${config.WEB_URL}/api/hooks/twilio/<channel>; Telegram Bot API stand-in at ${telegram.url})`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(
    signal,
    () => void Promise.all([graph.close(), twilio.close(), telegram.close()]).then(() => process.exit(0)),
  );
}
