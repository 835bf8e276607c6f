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
