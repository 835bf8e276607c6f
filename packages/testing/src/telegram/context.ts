import type { TelegramState } from "./state";
import type { WebhookPoster } from "./webhooks";

export type TTelegramOptions = {
  port?: number;
  host?: string;
  /** The clock for message dates (tests move it). */
  now?: () => number;
  /**
   * Demo mode: any well-formed token that nobody added is a new bot (so an administrator can
   * paste a made-up token in Settings → Channels and connect it). Off in tests: unknown is 401.
   */
  acceptAnyToken?: boolean;
};

export type TTelegramContext = {
  state: TelegramState;
  poster: WebhookPoster;
  now: () => number;
  acceptAnyToken: boolean;
  /** Every Bot API call (bot id and method only: no tokens), for tests that count calls. */
  calls: { botId: string; method: string; at: string }[];
};
