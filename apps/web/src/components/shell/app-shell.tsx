import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import type { TSessionContext } from "@forecourt/core";
import { signOutAction } from "@/server/actions/sign-out";
import { sessionMayReach } from "@/server/session";
import { NAV_ITEMS } from "./nav-items";
import { ReadOnlyBanner } from "./read-only-banner";
import { ShellFrame } from "./shell-frame";
import { SidebarNav } from "./sidebar-nav";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The authenticated frame: sidebar (workspace, navigation, user) and the page. */
export async function AppShell({ session, children }: { session: TSessionContext; children: ReactNode }) {
  const t = await getTranslations("shell");
  const visible = NAV_ITEMS.filter(
    (item) => sessionMayReach(session, item.permission) && (!("workspace" in item) || !!session.active),
  ).map((item) => item.key);
  const role = session.active?.role ?? session.user.providerRole;
  const scope = session.active?.dealers.length ? session.active.dealers.map((d) => d.name).join(", ") : t("allDealers");
  const subtitle = session.active
    ? `${role ? t(`roles.${role}`) : ""} · ${scope}`
    : session.user.providerRole
      ? t("providerStaff")
      : "";

  return (
    <ShellFrame
      title={session.active?.customerName ?? t("noWorkspace")}
      menuLabel={t("openMenu")}
      skipLabel={t("skipToContent")}
      sidebar={
        <>
          <div className="pt-3 pb-4">
            <WorkspaceSwitcher
              workspaces={session.memberships.map((m) => ({
                customerId: m.customerId,
                customerName: m.customerName,
                role: m.role,
              }))}
              activeId={session.active?.customerId ?? null}
              subtitle={subtitle}
            />
          </div>
          <SidebarNav visible={visible} />
          <div className="mt-auto border-t border-zinc-200 p-2">
            <div className="flex items-center gap-2.5 rounded-md px-2 py-1.5">
              <span className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
                {session.user.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-[13px] font-medium" data-testid="current-user">
                  {session.user.name}
                </span>
                <span className="block truncate text-[11px] text-zinc-500">{session.user.email}</span>
              </span>
              <form action={signOutAction}>
                <button
                  type="submit"
                  title={t("signOut")}
                  aria-label={t("signOut")}
                  className="rounded-md p-1.5 text-zinc-500 transition hover:bg-zinc-200/60 hover:text-zinc-700"
                >
                  <LogOut className="size-4" aria-hidden="true" />
                </button>
              </form>
            </div>
          </div>
        </>
      }
    >
      <main
        id="main"
        tabIndex={-1}
        className="flex min-h-0 min-w-0 flex-1 flex-col overflow-y-auto bg-white outline-none"
      >
        {session.active?.readOnlyUntil ? <ReadOnlyBanner until={session.active.readOnlyUntil} /> : null}
        {children}
      </main>
    </ShellFrame>
  );
}
