import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listCannedReplies } from "@forecourt/core/chat/list-canned-replies";
import { listConversations, ZInboxView } from "@forecourt/core/chat/list-conversations";
import { listTeammates } from "@forecourt/core/chat/list-teammates";
import { NotFoundError } from "@forecourt/core/errors";
import { principalMay } from "@forecourt/core/principal";
import { defineHandler } from "../define-handler";

/**
 * /inbox?view=&c=: the first list of the view, teammates and canned replies, all inside the
 * agent's tenant and dealer scope. `c` (a conversation named in the URL) is passed on as the one
 * to open only when the agent may see it (else the page opens nothing, as for an unknown id).
 * Nothing is opened unless the URL names it: opening marks read, and only an agent's choice may.
 */
export const loadInboxPage = defineHandler(
  { permission: "inbox.view", input: z.object({ view: z.unknown(), c: z.unknown() }).partial() },
  async ({ principal: agent, input }) => {
    const view = ZInboxView.catch("open").parse(input.view);
    const selected = z.uuid().safeParse(input.c);
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
    return {
      me: { id: agent.userId, name: agent.name },
      customerId: agent.tenant.customerId,
      gatewayUrl: getConfig().GATEWAY_URL,
      view,
      conversations,
      selectedId,
      team,
      canned,
      can: {
        reply: principalMay(agent, "conversations.reply"),
        note: principalMay(agent, "conversations.note"),
        assign: principalMay(agent, "conversations.assign"),
        manage: principalMay(agent, "conversations.manage"),
        editContact: principalMay(agent, "contacts.edit"),
      },
    };
  },
);
