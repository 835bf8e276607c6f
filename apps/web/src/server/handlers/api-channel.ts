import { ZClientListMessagesInput, ZClientSendInput } from "@forecourt/core/api-channel/client-inputs";
import { connectApiChannel, ZConnectApiChannel } from "@forecourt/core/api-channel/connect-api-channel";
import { revealApiChannelSecret } from "@forecourt/core/api-channel/reveal-api-channel-secret";
import { rotateApiChannelSecret } from "@forecourt/core/api-channel/rotate-api-channel-secret";
import { ZChannelRef } from "@forecourt/core/channels/channel-settings";
import { findApiInbox } from "@forecourt/core/api-channel/find-api-inbox";
import { identifyApiContact } from "@forecourt/core/api-channel/identify-api-contact";
import { startApiConversation } from "@forecourt/core/api-channel/start-api-conversation";
import { consumeChatLimit, type TLimitKind } from "@forecourt/core/chat/chat-limits";
import { listMessagesAfter, listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { listVisitorConversations } from "@forecourt/core/chat/resolve-visitor-session";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { sendUploadedFile } from "@forecourt/core/chat/send-uploaded-file";
import { ZUploadFields } from "@forecourt/core/chat/upload-fields";
import { NotFoundError, RateLimitedError } from "@forecourt/core/errors";
import { ZClientIdentify, ZClientStartConversation, type TClientConversation } from "@forecourt/protocol/api-channel";
import { defineApiContactHandler, defineHandler, parseInput } from "../define-handler";
import { run, type THandlerMeta } from "./result";

/*
 * The API channel's Client API for OEM apps (docs/api-channel.md), public by design: the inbox
 * identifier names the channel, the identifier's HMAC under the channel secret identifies the
 * contact, and the contact token it earns is the authority afterwards (defineApiContactHandler).
 * Everything past identify is the widget's visitor machinery; the limits are the widget's too,
 * per IP and per channel.
 */

async function limit(kind: TLimitKind, meta: THandlerMeta, channelKey: string) {
  const result = await consumeChatLimit(kind, meta.ip ?? "unknown", channelKey);
  if (!result.ok) {
    throw new RateLimitedError(
      result.retryAfterSeconds,
      `Too many requests; try again in ${result.retryAfterSeconds} s`,
    );
  }
}

/** POST /api/v1/client/inboxes/{inbox}/contacts: identifier + identifierHash → a contact token. */
export function handleClientIdentify(inboxIdentifier: string, raw: unknown, meta: THandlerMeta = { ip: null }) {
  return run(async () => {
    const input = parseInput(ZClientIdentify, raw);
    const inbox = await findApiInbox(inboxIdentifier);
    if (!inbox) throw new NotFoundError("inbox");
    // Counted before the hash is checked, so guessing is as limited as chatting.
    await limit("messages", meta, inbox.channelId);
    return identifyApiContact({ inboxIdentifier, input });
  });
}

/** GET …/conversations: the contact's conversations on this inbox, newest first. */
export const handleClientListConversations = defineApiContactHandler(
  {},
  async ({ visitor }): Promise<{ conversations: TClientConversation[] }> => ({
    conversations: await listVisitorConversations(visitor),
  }),
);

/** POST …/conversations: open a conversation (optionally with its first message). */
export const handleClientStartConversation = defineApiContactHandler(
  { input: ZClientStartConversation },
  async ({ visitor, inbox, input, meta }) => {
    await limit("conversations", meta, visitor.channelId);
    return startApiConversation({ visitor, inbox, input });
  },
);

/** GET …/conversations/{id}/messages?after=|before=: resume after a seq, or page back in history. */
export const handleClientListMessages = defineApiContactHandler(
  { input: ZClientListMessagesInput },
  async ({ visitor, input }) => {
    const { conversationId, query } = input;
    const messages =
      query.after !== undefined
        ? await listMessagesAfter({ reader: { visitor }, conversationId, afterSeq: query.after })
        : await listMessagesBefore({ reader: { visitor }, conversationId, beforeSeq: query.before });
    return { messages };
  },
);

/** POST …/conversations/{id}/messages: text, idempotent by clientId. */
export const handleClientSendMessage = defineApiContactHandler(
  { input: ZClientSendInput },
  async ({ visitor, input, meta }) => {
    await limit("messages", meta, visitor.channelId);
    const sent = await sendMessage({
      sender: { visitor },
      input: { conversationId: input.conversationId, clientId: input.message.clientId, body: input.message.text },
    });
    return { id: sent.id, seq: sent.seq, message: sent.event };
  },
);

/** POST …/conversations/{id}/attachments (multipart: clientId, file): the widget's checks (size, type, magic bytes). */
export const handleClientUpload = defineApiContactHandler(
  { input: ZUploadFields },
  async ({ visitor, input, meta }) => {
    await limit("uploads", meta, visitor.channelId);
    const sent = await sendUploadedFile({ sender: { visitor }, upload: input });
    return { id: sent.id, seq: sent.seq, message: sent.message };
  },
);

// ── Settings → Channels (administrators: settings.channels.manage; core keeps the dealer scope) ──

const MANAGE = { permission: "settings.channels.manage" } as const;

export const handleConnectApiChannel = defineHandler({ ...MANAGE, input: ZConnectApiChannel }, ({ principal, input }) =>
  connectApiChannel({ principal, ...input }),
);

export const handleRevealApiChannelSecret = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  revealApiChannelSecret({ principal, channelId: input.channelId }),
);

export const handleRotateApiChannelSecret = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  rotateApiChannelSecret({ principal, channelId: input.channelId }),
);
