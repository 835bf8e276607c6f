// What the inbox client and the conversation pane both use. It lives apart from both so the
// pane does not import the client that renders it (an import cycle).

export type TTeam = {
  users: { id: string; name: string; dealerIds: string[] }[];
  dealers: { id: string; name: string; departments: { id: string; name: string }[] }[];
};
export type TCanned = { id: string; dealerId: string | null; shortcut: string; title: string; body: string }[];
export type TCan = { reply: boolean; note: boolean; assign: boolean; manage: boolean; editContact: boolean };

/** Is the keyboard event aimed at a text field (then single-key shortcuts stay off)? */
export function typingInField(event: KeyboardEvent): boolean {
  const el = event.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** How a snooze's wake-up time is shown ("Thu 3 Dec, 09:00"), in the agent's language and time zone. */
export const SNOOZE_FORMAT = {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
} as const satisfies Intl.DateTimeFormatOptions;

/** Label chips by palette name (Label.color): literal classes so the stylesheet has them. */
export const LABEL_CHIP: Record<string, string> = {
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  blue: "bg-sky-50 text-sky-700 ring-sky-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
  pink: "bg-pink-50 text-pink-700 ring-pink-200",
  teal: "bg-teal-50 text-teal-700 ring-teal-200",
};
