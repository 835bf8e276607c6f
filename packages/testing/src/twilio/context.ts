import type { TwilioState } from "./state";
import type { TTwilioFailure, TTwilioSent } from "./types";
import type { TwilioWebhookPoster } from "./webhooks";

export type TTwilioOptions = {
  port?: number;
  host?: string;
  /** After each accepted send, post `sent` then `delivered` status callbacks (the demo). */
  autoStatuses?: boolean;
  autoStatusDelayMs?: number;
  /** Connect to this origin for every webhook while signing the URL as given (a reverse proxy in front of us). */
  deliverTo?: string;
  /** The clock (tests move it to expire media links). */
  now?: () => number;
};

export type TTwilioContext = {
  state: TwilioState;
  poster: TwilioWebhookPoster;
  options: Required<Pick<TTwilioOptions, "autoStatuses" | "autoStatusDelayMs">>;
  now: () => number;
  baseUrl: () => string;
  /** TTwilioOptions.deliverTo without a trailing slash, or null: also where our MediaUrl links are fetched. */
  deliverTo: string | null;
  /** Signs the expiring media links (random per process). */
  linkSecret: string;
  /** Runs after the REST answer went out: status callbacks (automatic, or an injected failure). */
  afterSend: (message: TTwilioSent, failure: Extract<TTwilioFailure, { kind: "status_failure" }> | null) => void;
  background: (work: () => Promise<unknown>) => void;
};
