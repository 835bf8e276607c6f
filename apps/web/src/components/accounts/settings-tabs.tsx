import { getTranslations } from "next-intl/server";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { sessionCan } from "@/server/session";
import { Tabs } from "./section";

/** Settings sub-navigation; each tab only when the permission matrix allows it. */
export async function SettingsTabs({ session, current }: { session: TSessionContext; current: string }) {
  const t = await getTranslations("accounts.tabs");
  const items = [
    { href: "/settings", label: t("profile"), show: sessionCan(session, "settings.profile") },
    { href: "/settings/two-factor", label: t("twoFactor"), show: sessionCan(session, "settings.profile") },
    { href: "/settings/users", label: t("users"), show: sessionCan(session, "settings.users.manage") },
    {
      href: "/settings/channels",
      label: t("channels"),
      show: sessionCan(session, "settings.channels.manage") && !!session.active,
    },
    {
      href: "/settings/departments",
      label: t("departments"),
      show: sessionCan(session, "settings.departments.manage") && !!session.active,
    },
    {
      href: "/settings/routing",
      label: t("routing"),
      show: sessionCan(session, "settings.routing.manage") && !!session.active,
    },
    {
      href: "/settings/lead-forms",
      label: t("leadForms"),
      show: sessionCan(session, "settings.lead_forms.manage") && !!session.active,
    },
    {
      // Webhooks carry every dealer's events: only members without a dealer scope manage them.
      href: "/settings/webhooks",
      label: t("webhooks"),
      show: sessionCan(session, "settings.integrations.manage") && !!session.active && !session.active.dealers.length,
    },
    {
      href: "/settings/canned-replies",
      label: t("cannedReplies"),
      show: sessionCan(session, "canned_replies.manage") && !!session.active,
    },
    {
      href: "/settings/subscription",
      label: t("subscription"),
      show: sessionCan(session, "settings.subscription.view") && !!session.active,
    },
    {
      href: "/settings/data-protection",
      label: t("dataProtection"),
      show: sessionCan(session, "settings.data_protection.manage") && !!session.active,
    },
    {
      href: "/settings/audit",
      label: t("audit"),
      show: sessionCan(session, "audit.view") && !!session.active,
    },
    {
      href: "/settings/api-keys",
      label: t("apiKeys"),
      show: sessionCan(session, "settings.api_keys.manage") && !!session.active,
    },
  ].filter((i) => i.show);
  return <Tabs items={items} current={current} />;
}

export async function ProviderTabs({ current }: { current: string }) {
  const t = await getTranslations("accounts.tabs");
  return (
    <Tabs
      items={[
        { href: "/provider", label: t("customers") },
        { href: "/provider/contracts", label: t("contracts") },
        { href: "/provider/queues", label: t("queues") },
        { href: "/provider/managed-queue", label: t("managedQueue") },
        { href: "/provider/deletions", label: t("deletions") },
        { href: "/provider/audit", label: t("audit") },
      ]}
      current={current}
    />
  );
}
