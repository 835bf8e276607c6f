import pg from "pg";
import { getConfig } from "@forecourt/config";
import { WEBHOOK_NOTIFY_CHANNEL } from "@forecourt/core/webhooks/record-webhook-event";
import { dispatchWebhookEvents } from "@forecourt/core/webhooks/dispatch-webhook-events";

/**
 * Fans new webhook events out as soon as their transaction commits: core NOTIFYs in the same
 * transaction as the outbox insert (delivered only on commit), this LISTENs. Notifications
 * that arrive while a dispatch runs coalesce into one more run. Losing the connection loses
 * nothing: the dispatch sweep (every 30 s) fans out what is left, and this reconnects.
 */
export function startWebhookListener(): { close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let running = false;
  let again = false;

  const dispatch = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await dispatchWebhookEvents();
      } while (again);
    } catch (error) {
      console.error("[worker] webhook dispatch failed; the sweep will retry", error);
    } finally {
      running = false;
    }
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: getConfig().appDatabaseUrl });
    next.on("notification", () => void dispatch());
    next.on("error", (error) => {
      console.error(`[worker] webhook listener lost its connection: ${error.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      setTimeout(() => void connect(), 2_000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WEBHOOK_NOTIFY_CHANNEL}`);
      client = next;
      void dispatch(); // whatever committed while we were not listening
    } catch (error) {
      console.error(`[worker] webhook listener could not connect: ${String(error)}`);
      setTimeout(() => void connect(), 2_000);
    }
  };
  void connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
