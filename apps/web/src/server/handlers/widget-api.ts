import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { identifyWidgetVisitor } from "@forecourt/core/chat/identify-widget-visitor";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { rotateWidgetIdentitySecret } from "@forecourt/core/chat/rotate-widget-identity-secret";
import { setVehicleOfInterest } from "@forecourt/core/chat/set-vehicle-of-interest";
import { ZChannelRef } from "@forecourt/core/channels/channel-settings";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "@forecourt/core/errors";
import { ZWidgetIdentifyRequest, ZWidgetVehicleRequest } from "@forecourt/protocol";
import { defineHandler, defineVisitorHandler, parseInput } from "../define-handler";
import { run, type THandlerMeta } from "./result";
import { widgetOriginOf } from "./widget";

/*
 * The widget's JavaScript API (docs/widget.md). Only the widget iframe calls these, on the
 * app's origin: the page origin is the one its frame ticket vouches for, never a value in the
 * body. Identity is verified by HMAC with the channel's secret; a refusal is an answer
 * (`verified: false` and why), never a failed request, so the visitor's chat goes on.
 */

async function spend(ip: string | null, channelId: string) {
  const limit = await consumeChatLimit("messages", ip ?? "unknown", channelId);
  if (!limit.ok)
    throw new RateLimitedError(limit.retryAfterSeconds, `Too many requests; try again in ${limit.retryAfterSeconds} s`);
}

/** POST /api/widget/identify: `Forecourt('identify', …)`, with the visitor token when a chat is under way. */
export function handleWidgetIdentify(request: Request, raw: unknown, meta: THandlerMeta, token: string | null) {
  return run(async () => {
    const input = parseInput(ZWidgetIdentifyRequest, raw);
    const { origin } = widgetOriginOf(request, input.key);
    if (!origin) throw new ForbiddenError("origin_not_allowed", "This website may not use this chat.");
    const visitor = token ? await resolveVisitorSession({ token, ip: meta.ip }) : null;
    if (token && !visitor)
      throw new UnauthenticatedError("This chat has ended or the link is invalid. Start a new chat.");
    if (visitor) await spend(meta.ip, visitor.channelId);
    return identifyWidgetVisitor({ input, origin, visitor });
  });
}

/** POST /api/widget/vehicle: `Forecourt('setVehicle', …)` during a chat (before one, the start carries it). */
export const handleSetVehicle = defineVisitorHandler(
  { input: ZWidgetVehicleRequest },
  async ({ visitor, input, meta }) => {
    await spend(meta.ip, visitor.channelId);
    return setVehicleOfInterest({ visitor, input });
  },
);

/** Settings → Channels: a new identity-verification secret for a widget channel (administrators). */
export const handleRotateWidgetIdentitySecret = defineHandler(
  { permission: "settings.channels.manage", input: ZChannelRef },
  ({ principal, input }) => rotateWidgetIdentitySecret({ principal, ...input }),
);
