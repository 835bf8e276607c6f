import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessageSquare } from "lucide-react";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { loadChannelsPage } from "@/server/handlers/channels";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { ApiChannelCard } from "./api-channel-card";
import { ChannelForm } from "./channel-form";
import { ConnectChannel } from "./connect-channel";
import { EmailChannelCard } from "./email-channel-card";
import { MetaChannelCard } from "./meta-channel-card";
import { SmsChannelCard } from "./sms-channel-card";
import { TelegramChannelCard } from "./telegram-channel-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels"))("title") };
}

/**
 * Settings → Channels: per dealer, its website chats (look, pre-chat form, hours, embed tag) and
 * its WhatsApp numbers and Messenger pages (what to paste into Meta, credentials, a test
 * message, templates); "Connect a channel" adds one for a dealer in the member's scope.
 */
export default async function ChannelsPage() {
  const session = await requirePermission("settings.channels.manage");
  const t = await getTranslations("channels");
  const { dealers, widgets, meta, telegram, email, sms, api, webUrl } = pageData(await loadChannelsPage(session));
  const groups = dealers
    .map((dealer) => ({
      dealer,
      meta: meta.filter((m) => m.dealer.id === dealer.id),
      telegram: telegram.filter((b) => b.dealer.id === dealer.id),
      email: email.filter((e) => e.dealer.id === dealer.id),
      sms: sms.filter((m) => m.dealer.id === dealer.id),
      widgets: widgets.filter((w) => w.dealer.id === dealer.id),
      apps: api.filter((a) => a.dealer.id === dealer.id),
    }))
    .filter(
      (g) => g.meta.length + g.telegram.length + g.email.length + g.sms.length + g.widgets.length + g.apps.length > 0,
    );
  return (
    <>
      <PageHeader title={t("title")}>
        <ConnectChannel dealers={dealers} />
      </PageHeader>
      <SettingsTabs session={session} current="/settings/channels" />
      {groups.length === 0 ? (
        <EmptyState icon={MessageSquare} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <div className="mx-auto w-full max-w-3xl space-y-10 px-4 py-6 sm:px-6 sm:py-8">
          <p className="text-[13px] text-zinc-500">{t("intro")}</p>
          {groups.map(
            ({ dealer, meta: connections, telegram: bots, email: mailboxes, sms: texts, widgets: chats, apps }) => (
              <section
                key={dealer.id}
                aria-labelledby={`dealer-${dealer.id}`}
                className="space-y-4"
                data-testid="dealer-channels"
              >
                <h2
                  id={`dealer-${dealer.id}`}
                  className="flex items-baseline gap-2 text-sm font-semibold text-zinc-900"
                >
                  {dealer.name}
                  <span className="text-xs font-normal text-zinc-500">
                    {t("channelCount", {
                      count:
                        connections.length + bots.length + mailboxes.length + texts.length + chats.length + apps.length,
                    })}
                  </span>
                </h2>
                {connections.map((info) => (
                  <MetaChannelCard key={info.channelId} info={info} />
                ))}
                {bots.map((info) => (
                  <TelegramChannelCard key={info.channelId} info={info} />
                ))}
                {mailboxes.map((info) => (
                  <EmailChannelCard key={info.channelId} info={info} />
                ))}
                {texts.map((info) => (
                  <SmsChannelCard key={info.channelId} info={info} />
                ))}
                {chats.map((c) => (
                  <ChannelForm key={c.id} channel={c} webUrl={webUrl} />
                ))}
                {apps.map((info) => (
                  <ApiChannelCard key={info.channelId} info={info} webUrl={webUrl} />
                ))}
              </section>
            ),
          )}
        </div>
      )}
    </>
  );
}
