import { z } from "zod";
import { defineJob } from "./define-job";

/** Reopens snoozed conversations whose time has come (core/chat/wake-snoozed-conversations.ts). */
export const wakeSnoozedJob = defineJob({
  name: "inbox.wake-snoozed",
  queue: "lifecycle",
  payload: z.object({}).default({}),
});

/** Every 30 seconds: a snooze wakes at most half a minute late. */
export const WAKE_SNOOZED_SCHEDULE = { every: 30_000 } as const;
