import { WAKE_SNOOZED_SCHEDULE, wakeSnoozedJob } from "@forecourt/jobs/inbox-jobs";
import { LIFECYCLE_DAILY_SCHEDULE, lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import { wakeSnoozedConversations } from "@forecourt/core/chat/wake-snoozed-conversations";
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
  ...RETENTION_HANDLERS,
  ...CHANNEL_HANDLERS,
  ...WEBHOOK_HANDLERS,
  ...LEAD_HANDLERS,
];
