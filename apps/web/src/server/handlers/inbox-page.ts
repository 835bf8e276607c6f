import { z } from "zod";
import { getConfig } from "@forecourt/config";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { NotFoundError } from "@forecourt/core/chat/agent";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listCannedReplies } from "@forecourt/core/chat/list-canned-replies";
import { listConversations, ZInboxView } from "@forecourt/core/chat/list-conversations";
import { listTeammates } from "@forecourt/core/chat/list-teammates";
import { sessionCan } from "../principal";
import { agentGate } from "./chat-result";
import type { THandlerMeta } from "./result";

/**
 * /inbox?view=&c=: the first list of the view, teammates and canned replies, all inside the
 * agent's tenant and dealer scope. `c` (a conversation named in the URL) is passed on as the one
 * to open only when the agent may see it (else the page opens nothing, as for an unknown id).
 * Nothing is opened unless the URL names it: opening marks read, and only an agent's choice may.
 */
export async function loadInboxPage(
  session: TSessionContext | null,
  raw: Record<string, unknown>,
  _meta?: THandlerMeta,
) {
  const gate = agentGate(session, "inbox.view");
  if ("ok" in gate) return gate;
  const { agent } = gate;
  const view = ZInboxView.catch("open").parse(raw.view);
  const selected = z.uuid().safeParse(raw.c);
  const [conversations, team, canned, selectedId] = await Promise.all([
    listConversations({ agent, input: { view } }),
    listTeammates({ agent }),
    listCannedReplies({ agent }),
    selected.success
      ? getConversation({ agent, conversationId: selected.data }).then(
          (c) => c.id,
          (error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          },
        )
      : null,
  ]);
  const s = session!;
  return {
    ok: true,
    data: {
      me: { id: agent.userId, name: agent.name },
      customerId: agent.customerId,
      gatewayUrl: getConfig().GATEWAY_URL,
      view,
      conversations,
      selectedId,
      team,
      canned,
      can: {
        reply: sessionCan(s, "conversations.reply"),
        note: sessionCan(s, "conversations.note"),
        assign: sessionCan(s, "conversations.assign"),
        manage: sessionCan(s, "conversations.manage"),
        editContact: sessionCan(s, "contacts.edit"),
      },
    },
  } as const;
}
