import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listCannedReplies } from "@forecourt/core/chat/list-canned-replies";
import { listChannelTypes } from "@forecourt/core/chat/list-channel-types";
import { listConversations, ZInboxView } from "@forecourt/core/chat/list-conversations";
import { listTeammates } from "@forecourt/core/chat/list-teammates";
import { NotFoundError } from "@forecourt/core/errors";
import { principalMay } from "@forecourt/core/principal";
import { ZChannelType } from "@forecourt/protocol";
import { defineHandler } from "../define-handler";

/**
 * /inbox?view=&channel=&c=: the first list of the view (and channel type), teammates, canned
 * replies and the channel types for the filter, all inside the agent's tenant and dealer scope. `c` (a conversation named in the URL) is passed on as the one
 * to open only when the agent may see it (else the page opens nothing, as for an unknown id).
 * Nothing is opened unless the URL names it: opening marks read, and only an agent's choice may.
 */
export const loadInboxPage = defineHandler(
  { permission: "inbox.view", input: z.object({ view: z.unknown(), channel: z.unknown(), c: z.unknown() }).partial() },
  async ({ principal: agent, input }) => {
    const view = ZInboxView.catch("open").parse(input.view);
    // An unknown channel in the URL is no filter (as an unknown view is "open").
    const channelType = ZChannelType.optional().catch(undefined).parse(input.channel);
    const selected = z.uuid().safeParse(input.c);
    const [conversations, team, canned, channelTypes, selectedId] = await Promise.all([
      listConversations({ agent, input: { view, channelType }, hideUnstarted: true }),
      listTeammates({ agent }),
      listCannedReplies({ agent }),
      listChannelTypes({ agent }),
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
      vapidPublicKey: getConfig().VAPID_PUBLIC_KEY,
      view,
      channelType: channelType ?? null,
      channelTypes,
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
