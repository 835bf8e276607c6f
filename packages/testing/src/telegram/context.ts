import type { TelegramState } from "./state";
import type { WebhookPoster } from "./webhooks";

export type TTelegramOptions = {
  port?: number;
  host?: string;
  /** The clock for message dates (tests move it). */
  now?: () => number;
};

export type TTelegramContext = {
  state: TelegramState;
  poster: WebhookPoster;
  now: () => number;
  /** Every Bot API call (bot id and method only: no tokens), for tests that count calls. */
  calls: { botId: string; method: string; at: string }[];
};
