import type { TVisitorPrincipal } from "@forecourt/core/principal";
import type { Server, Socket } from "socket.io";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { listMessagesAfter } from "@forecourt/core/chat/list-messages";
import { markRead } from "@forecourt/core/chat/mark-read";
import { listVisitorConversations, resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { EVENTS, NAMESPACES, ROOMS, ZMarkRead, ZSendMessage, ZSync, ZTyping } from "@forecourt/protocol";
import { clientIpOfSocket } from "./client-ip";
import { handle, refusal } from "./handler";

type TVisitorData = { visitor: TVisitorPrincipal; ip: string; conversationIds: Set<string> };

/**
 * /visitor: website visitors, authenticated by the widget session token. A visitor's socket
 * joins only its own conversations' visitor rooms (never the agents' rooms, so notes and agent
 * typing among colleagues never reach it). Messages and typing are rate limited per IP and
 * per channel.
 */
export function registerVisitorNamespace(io: Server) {
  const nsp = io.of(NAMESPACES.visitor);

  const admit = async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const token = socket.handshake.auth?.token;
      const visitor =
        typeof token === "string" ? await resolveVisitorSession({ token, ip: clientIpOfSocket(socket) }) : null;
      if (!visitor) return next(new Error("unauthorized"));
      const conversations = await listVisitorConversations(visitor);
      socket.data = { visitor, ip: clientIpOfSocket(socket), conversationIds: new Set(conversations.map((c) => c.id)) };
      next();
    } catch (error) {
      console.error("[gateway] visitor auth failed", error);
      next(new Error("unavailable"));
    }
  };
  // socket.io ignores what a middleware returns; admit never rejects (errors go to next()).
  nsp.use((socket, next) => void admit(socket, next));

  nsp.on("connection", (socket: Socket) => {
    const data = socket.data as TVisitorData;
    const { visitor } = data;
    // The classic Redis adapter joins in memory, at once; join's type only allows for async adapters.
    void socket.join([...data.conversationIds].map(ROOMS.convVisitor));

    socket.on(
      EVENTS.send,
      handle(ZSendMessage, async (input) => {
        if (input.kind === "NOTE") return refusal("forbidden", "Visitors cannot write notes");
        const limit = await consumeChatLimit("messages", data.ip, visitor.channelId);
        if (!limit.ok) return refusal("rate_limited", `Too many messages; try again in ${limit.retryAfterSeconds} s`);
        const result = await sendMessage({ sender: { visitor }, input });
        return { ok: true, id: result.id, seq: result.seq };
      }),
    );
    socket.on(
      EVENTS.sync,
      handle(ZSync, async ({ conversations }) => {
        const messages = [];
        for (const { conversationId, afterSeq } of conversations) {
          // Read access is checked by core (the conversation must be this visitor's).
          const missed = await listMessagesAfter({ reader: { visitor }, conversationId, afterSeq });
          if (!data.conversationIds.has(conversationId)) {
            data.conversationIds.add(conversationId);
            await socket.join(ROOMS.convVisitor(conversationId));
          }
          messages.push(...missed);
        }
        return { ok: true, messages };
      }),
    );
    socket.on(
      EVENTS.typing,
      handle(ZTyping, async ({ conversationId, typing }) => {
        if (!data.conversationIds.has(conversationId)) return refusal("not_found", "Conversation not found");
        io.of(NAMESPACES.agent)
          .to(ROOMS.convAgents(conversationId))
          .emit(EVENTS.typingEvent, { conversationId, from: "contact", name: null, typing });
        return { ok: true };
      }),
    );
    socket.on(
      EVENTS.read,
      handle(ZMarkRead, async (input) => ({ ok: true, seq: await markRead({ reader: { visitor }, input }) })),
    );
  });
}
