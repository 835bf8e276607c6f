import type { IncomingMessage, ServerResponse } from "node:http";
import { graphError, type TGraphError } from "./graph-error";
import { sendGraphError, sleep } from "./http-util";
import type { TSimulatorPlugin } from "./simulator/plugin";
import type { MetaGraphState } from "./state";
import type { TFailure } from "./types";
import type { WebhookPoster } from "./webhooks";

export type TMetaGraphOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /**
   * Demo mode: after accepting a send, post `sent` then `delivered` (WhatsApp statuses; Messenger
   * an echo and a delivery watermark) to the webhook, as Meta does when the phone is online.
   */
  autoStatuses?: boolean;
  /** Milliseconds between accepting a send and each automatic status. */
  autoStatusDelayMs?: number;
  /** Serve the channel simulator page at `/` (demo mode). */
  simulator?: boolean;
  /** Other channels' tabs in the simulator (SMS, e-mail, Telegram): see simulator/plugin.ts. */
  plugins?: readonly TSimulatorPlugin[];
  /**
   * A customer the stand-in has never seen write: refuse free-form messages (true, as Meta
   * does for a number that never wrote) or allow them (false, default: tests often create the
   * conversation in the database rather than through an inbound webhook).
   */
  strictWindow?: boolean;
  /**
   * How a WhatsApp send outside the 24-hour window is refused: `sync` (default) answers 400 with
   * code 131047; `status` accepts it and posts a `failed` status with 131047 (Meta does both).
   */
  windowErrors?: "sync" | "status";
  /** Lifetime of media download URLs (Meta: about 5 minutes). */
  mediaUrlTtlMs?: number;
  /** The clock (tests move it to expire media URLs and windows). */
  now?: () => number;
  /** The Meta app id in Messenger echoes. */
  appId?: string;
};

export type TGraphContext = {
  state: MetaGraphState;
  poster: WebhookPoster;
  options: Required<Omit<TMetaGraphOptions, "port" | "host" | "now" | "plugins">>;
  /** The stand-in's own base URL (media links point back at it). */
  baseUrl: () => string;
  /** Background work (statuses after a send) the stand-in waits for on close. */
  background: (work: () => Promise<unknown>) => void;
};

/**
 * Applies an injected failure to this request. Returns "handled" when the response is done
 * (an error answered, the connection dropped), "continue" when the request goes on normally
 * (nothing injected, or a hang that processes after all), or the status-failure to report later.
 */
export async function applyFailure(
  req: IncomingMessage,
  res: ServerResponse,
  failure: TFailure | null,
  options: { whatsapp: boolean; sendScope: boolean },
): Promise<"handled" | "continue" | Extract<TFailure, { kind: "status_failure" }>> {
  if (!failure) return "continue";
  const error = (e: TGraphError) => {
    sendGraphError(res, e);
    return "handled" as const;
  };
  switch (failure.kind) {
    case "server_error":
      return error(
        graphError({
          code: 2,
          message: "Service temporarily unavailable",
          status: failure.status ?? 500,
          whatsapp: options.whatsapp,
        }),
      );
    case "rate_limit":
      return error(
        graphError({
          code: failure.code ?? (options.whatsapp ? 130429 : 613),
          status: 429,
          whatsapp: options.whatsapp,
        }),
      );
    case "graph_error":
      return error(
        graphError({
          code: failure.code,
          subcode: failure.subcode,
          status: failure.status,
          message: failure.message,
          details: failure.details,
          whatsapp: options.whatsapp,
        }),
      );
    case "hang":
      await sleep(failure.ms);
      if (failure.thenProcess) return "continue";
      req.socket.destroy();
      return "handled";
    case "drop":
      req.socket.destroy();
      return "handled";
    case "status_failure":
      return options.sendScope ? failure : "continue";
  }
}
