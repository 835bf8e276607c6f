import type { TAction } from "@forecourt/auth";

/**
 * The sidebar, in order. Each entry is shown only when the permission matrix allows it, and
 * `workspace` ones only in a workspace (a managed agent holds inbox rights but no membership:
 * they answer from the provider console's managed queue).
 */
export const NAV_ITEMS = [
  { href: "/inbox", key: "inbox", shortcut: "i", permission: "inbox.view", workspace: true },
  { href: "/contacts", key: "contacts", shortcut: "c", permission: "contacts.view", workspace: true },
  { href: "/reports", key: "reports", shortcut: "r", permission: "reports.view", workspace: true },
  { href: "/settings", key: "settings", shortcut: "s", permission: "settings.profile" },
  { href: "/provider", key: "provider", shortcut: "p", permission: "provider.console" },
  { href: "/provider/managed-queue", key: "managedQueue", shortcut: "m", permission: "provider.managed_queue.view" },
] as const satisfies readonly {
  href: string;
  key: string;
  shortcut: string;
  permission: TAction;
  workspace?: boolean;
}[];

export type TNavKey = (typeof NAV_ITEMS)[number]["key"];
