import type { BackoffStrategy } from "bullmq";
import { getConfig } from "@forecourt/config";

/** The backoff type of channel jobs: exponential, unless the outside service said when to come back. */
export const CHANNEL_BACKOFF = "channel";
/** Outbound webhooks: WEBHOOK_BACKOFF_BASE_MS × 2^(n-1) (20 s … about 11 h for the 12th retry). */
export const WEBHOOK_BACKOFF = "webhook";
const BASE_DELAY_MS = 2_000;
/** A Retry-After longer than this is not waited for in one step (the job retries sooner and asks again). */
const MAX_RETRY_AFTER_MS = 15 * 60_000;

/**
 * A failure that names its own wait (Telegram's 429 `retry_after`, a Retry-After header) sets
 * `retryAfterMs` on the error (ChannelSendError does); the retry then waits that long, not the
 * exponential step. Registered on every Worker (workerOptions).
 */
export const backoffStrategy: BackoffStrategy = (attemptsMade, type, error) => {
  if (type === WEBHOOK_BACKOFF) return getConfig().WEBHOOK_BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1);
  if (type !== CHANNEL_BACKOFF) throw new Error(`Unknown backoff type ${type}`);
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  if (typeof asked === "number" && Number.isFinite(asked) && asked >= 0) return Math.min(asked, MAX_RETRY_AFTER_MS);
  return BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1);
};
