import type { TAction } from "@forecourt/auth";

/** The sidebar, in order. Each entry is shown only when the permission matrix allows it. */
export const NAV_ITEMS = [
  { href: "/inbox", key: "inbox", shortcut: "i", permission: "inbox.view" },
  { href: "/contacts", key: "contacts", shortcut: "c", permission: "contacts.view" },
  { href: "/reports", key: "reports", shortcut: "r", permission: "reports.view" },
  { href: "/settings", key: "settings", shortcut: "s", permission: "settings.profile" },
  { href: "/provider", key: "provider", shortcut: "p", permission: "provider.console" },
  { href: "/provider/managed-queue", key: "managedQueue", shortcut: "m", permission: "provider.managed_queue.view" },
] as const satisfies readonly { href: string; key: string; shortcut: string; permission: TAction }[];

export type TNavKey = (typeof NAV_ITEMS)[number]["key"];
