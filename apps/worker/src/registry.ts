import {
  ROUTING_SWEEP_SCHEDULE,
  WAKE_SNOOZED_SCHEDULE,
  routeConversationJob,
  routingSweepJob,
  botReplyJob,
  pushNotifyJob,
  wakeSnoozedJob,
} from "@forecourt/jobs/inbox-jobs";
import { LIFECYCLE_DAILY_SCHEDULE, lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import { wakeSnoozedConversations } from "@forecourt/core/chat/wake-snoozed-conversations";
import { routeConversation } from "@forecourt/core/routing/route-conversation";
import { runBot } from "@forecourt/core/bots/run-bot";
import { notifyPush } from "@forecourt/core/push/notify-push";
import { routeUnroutedConversations } from "@forecourt/core/routing/route-unrouted-conversations";
import { handleLifecycleDaily } from "./handlers/lifecycle-daily";
import { handler, type TJobHandler } from "./job-handler";
import { CHANNEL_HANDLERS } from "./handlers/channel-handlers";
import { RETENTION_HANDLERS } from "./retention-handlers";
import { WEBHOOK_HANDLERS } from "./handlers/webhook-handlers";
import { LEAD_HANDLERS } from "./handlers/lead-handlers";

export { handler, type TJobHandler } from "./job-handler";

/** Every job the worker runs (job-handler.ts describes an entry). Add new handlers here. */
export const HANDLERS: TJobHandler[] = [
  handler(lifecycleDailyJob, handleLifecycleDaily, { ...LIFECYCLE_DAILY_SCHEDULE, payload: {} }),
  handler(wakeSnoozedJob, () => wakeSnoozedConversations(), { ...WAKE_SNOOZED_SCHEDULE, payload: {} }),
  handler(routeConversationJob, (payload) => routeConversation(payload)),
  handler(botReplyJob, (payload, attempt) => runBot(payload, attempt)),
  handler(pushNotifyJob, (payload) => notifyPush(payload)),
  handler(routingSweepJob, () => routeUnroutedConversations(), { ...ROUTING_SWEEP_SCHEDULE, payload: {} }),
  ...RETENTION_HANDLERS,
  ...CHANNEL_HANDLERS,
  ...WEBHOOK_HANDLERS,
  ...LEAD_HANDLERS,
];
