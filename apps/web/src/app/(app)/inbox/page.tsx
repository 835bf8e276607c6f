import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@forecourt/config";
import { listCannedReplies } from "@forecourt/core/chat/list-canned-replies";
import { listConversations, ZInboxView } from "@forecourt/core/chat/list-conversations";
import { listTeammates } from "@forecourt/core/chat/list-teammates";
import { redirect } from "next/navigation";
import { requirePermission, sessionCan, tenantPrincipalOf } from "@/server/session";
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
  const agent = tenantPrincipalOf(session);
  if (!agent) redirect("/forbidden");
  const params = await searchParams;
  const view = ZInboxView.catch("open").parse(params.view);
  const [conversations, team, canned] = await Promise.all([
    listConversations({ agent, input: { view } }),
    listTeammates({ agent }),
    listCannedReplies({ agent }),
  ]);
  return (
    <InboxClient
      me={{ id: agent.userId, name: agent.name }}
      gatewayUrl={getConfig().GATEWAY_URL}
      initialView={view}
      initialConversations={conversations}
      initialSelectedId={params.c ?? conversations[0]?.id ?? null}
      team={team}
      canned={canned}
      can={{
        reply: sessionCan(session, "conversations.reply"),
        note: sessionCan(session, "conversations.note"),
        assign: sessionCan(session, "conversations.assign"),
        manage: sessionCan(session, "conversations.manage"),
        editContact: sessionCan(session, "contacts.edit"),
      }}
    />
  );
}
