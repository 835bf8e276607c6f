import type { TReplyWindow } from "@forecourt/protocol";

/** What the composer says about the channel's reply window at `now`. */
export type TWindowNotice =
  | { kind: "none" }
  | { kind: "open"; hours: number; minutes: number }
  | { kind: "human_agent"; until: string }
  /** Closed: free text refused; `templates` says whether an approved template may be sent. */
  | { kind: "closed"; templates: boolean; expired: boolean };

/**
 * The notice for a reply window. An open window whose closing time has passed on this clock is
 * "closed" with `expired` (the server may now say human_agent for Messenger: ask it again).
 * Minutes are rounded up, so "closes in 1 min" shows until the end and never "0 min".
 */
export function windowNotice(window: TReplyWindow | null | undefined, now: number): TWindowNotice {
  if (!window || window.state === "always") return { kind: "none" };
  if (window.state === "closed") return { kind: "closed", templates: window.templates, expired: false };
  const closesAt = window.closesAt ? Date.parse(window.closesAt) : Number.NaN;
  if (window.state === "human_agent") {
    if (Number.isFinite(closesAt) && closesAt <= now)
      return { kind: "closed", templates: window.templates, expired: true };
    return { kind: "human_agent", until: window.closesAt ?? "" };
  }
  if (!Number.isFinite(closesAt)) return { kind: "none" };
  const left = closesAt - now;
  if (left <= 0) return { kind: "closed", templates: window.templates, expired: true };
  const totalMinutes = Math.ceil(left / 60_000);
  return { kind: "open", hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/** "3 h 12 min", "45 min", "2 h" in the user's language (messages chat.window.*). */
export function timeLeftText(t: TTranslate, hours: number, minutes: number): string {
  if (hours === 0) return t("window.minutes", { minutes });
  if (minutes === 0) return t("window.hours", { hours });
  return t("window.hoursMinutes", { hours, minutes });
}
