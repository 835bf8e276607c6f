import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadInboxPage } from "@/server/handlers/inbox-page";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { InboxClient } from "./inbox-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

/** The agent inbox: the list of the chosen view and the open conversation, updated live over the gateway. */
export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const session = await requirePermission("inbox.view");
  const params = await searchParams;
  const data = pageData(await loadInboxPage(session, { view: params.view, channel: params.channel, c: params.c }));
  return (
    // Keyed by tenant: after a workspace switch nothing of the previous tenant's inbox
    // (open conversation, contact panel, socket, drafts) survives into the new one.
    <InboxClient
      key={data.customerId}
      me={data.me}
      gatewayUrl={data.gatewayUrl}
      vapidPublicKey={data.vapidPublicKey}
      initialView={data.view}
      initialChannelType={data.channelType}
      channelTypes={data.channelTypes}
      initialConversations={data.conversations}
      initialSelectedId={data.selectedId}
      team={data.team}
      canned={data.canned}
      can={data.can}
    />
  );
}
