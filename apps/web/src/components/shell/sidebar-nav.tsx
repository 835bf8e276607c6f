"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { BarChart3, Building2, Headset, Inbox, Settings, Users, type LucideIcon } from "lucide-react";
import { NAV_ITEMS, type TNavKey } from "./nav-items";

const ICONS: Record<TNavKey, LucideIcon> = {
  inbox: Inbox,
  contacts: Users,
  reports: BarChart3,
  settings: Settings,
  provider: Building2,
  managedQueue: Headset,
};

function isTyping(target: EventTarget | null) {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

/** The sidebar links, with Linear-style "g then letter" shortcuts. */
export function SidebarNav({ visible }: { visible: TNavKey[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const router = useRouter();
  const items = NAV_ITEMS.filter((item) => visible.includes(item.key));

  useEffect(() => {
    let awaitingSecondKey = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (awaitingSecondKey) {
        awaitingSecondKey = false;
        const item = items.find((i) => i.shortcut === event.key.toLowerCase());
        if (item) {
          event.preventDefault();
          router.push(item.href);
        }
        return;
      }
      if (event.key === "g") {
        awaitingSecondKey = true;
        clearTimeout(timer);
        timer = setTimeout(() => (awaitingSecondKey = false), 1200);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      clearTimeout(timer);
    };
  }, [items, router]);

  return (
    <nav aria-label={t("mainNavigation")} className="flex flex-col gap-0.5 px-2">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-[13px] font-medium transition ${
              active
                ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200"
                : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900"
            }`}
          >
            <Icon
              className={`size-4 ${active ? "text-brand-600" : "text-zinc-500 group-hover:text-zinc-500"}`}
              aria-hidden="true"
            />
            <span className="flex-1">{t(item.key)}</span>
            <kbd className="hidden font-sans text-[10px] text-zinc-500 group-hover:inline">
              G {item.shortcut.toUpperCase()}
            </kbd>
          </Link>
        );
      })}
    </nav>
  );
}
