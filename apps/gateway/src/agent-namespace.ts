import type { Server, Socket } from "socket.io";
import { getConfig } from "@forecourt/config";
import { getSessionContext } from "@forecourt/core/accounts/get-session-context";
import { principalMay, userPrincipal, type TTenantPrincipal } from "@forecourt/core/principal";
import { endedSessions } from "@forecourt/core/chat/check-sessions";
import { listMessagesAfter } from "@forecourt/core/chat/list-messages";
import { markRead } from "@forecourt/core/chat/mark-read";
import { verifyRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { assertAgentMayOpen, inboxDealerIds } from "@forecourt/core/chat/open-conversation";
import { markAgentOffline, markAgentsOnline } from "@forecourt/core/routing/presence";
import {
  EVENTS,
  NAMESPACES,
  ROOMS,
  ZJoinConversation,
  ZMarkRead,
  ZSendMessage,
  ZSync,
  ZTyping,
} from "@forecourt/protocol";
import { clientIpOfSocket } from "./client-ip";
import { handle } from "./handler";

type TAgentData = { agent: TTenantPrincipal; sessionId: string; dealerIds: string[] };

/** Builds the acting agent from a live session and the tenant named in the token. */
async function authenticate(token: unknown, ip: string | null): Promise<TAgentData | null> {
  if (typeof token !== "string") return null;
  const claims = verifyRealtimeToken(token);
  if (!claims) return null;
  const session = await getSessionContext(claims.sid);
  if (!session || session.user.id !== claims.uid) return null;
  const membership = session.memberships.find((m) => m.customerId === claims.cid);
  if (!membership) return null;
  const agent = userPrincipal(session, membership, ip) as TTenantPrincipal;
  if (!principalMay(agent, "inbox.view")) return null;
  return { agent, sessionId: session.sessionId, dealerIds: await inboxDealerIds({ agent }) };
}

/**
 * /agent: dealer staff. Authenticated by the web app's short-lived token; joins the inbox rooms
 * of the dealers in the membership's scope; joins a conversation room only after core says
 * the agent may see it. Sockets of a revoked session are disconnected by the revocation
 * event (publishSessionRevoked) and, as a backstop, by a periodic re-check.
 */
export function registerAgentNamespace(io: Server): () => void {
  const nsp = io.of(NAMESPACES.agent);

  const admit = async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const data = await authenticate(socket.handshake.auth?.token, clientIpOfSocket(socket));
      if (!data) return next(new Error("unauthorized"));
      socket.data = data;
      next();
    } catch (error) {
      console.error("[gateway] agent auth failed", error);
      next(new Error("unavailable"));
    }
  };
  // socket.io ignores what a middleware returns; admit never rejects (errors go to next()).
  nsp.use((socket, next) => void admit(socket, next));

  nsp.on("connection", (socket: Socket) => {
    const { agent, sessionId, dealerIds } = socket.data as TAgentData;
    // The classic Redis adapter joins in memory, at once; join's type only allows for async adapters.
    void socket.join([
      ROOMS.session(sessionId),
      ROOMS.user(agent.userId),
      ROOMS.tenant(agent.tenant.customerId),
      ...dealerIds.map(ROOMS.dealer),
    ]);
    // Online for routing (round robin, least busy) from the first socket on.
    markAgentsOnline([{ customerId: agent.tenant.customerId, userId: agent.userId }]).catch((error: unknown) =>
      console.error("[gateway] presence update failed", error),
    );
    // The last socket of this agent here closed: offline at once (another gateway holding one
    // of their sockets puts them back within its next re-check, a few seconds).
    socket.on("disconnect", () => {
      const stillHere = [...nsp.sockets.values()].some((s) => {
        const other = s.data as TAgentData;
        return other.agent.userId === agent.userId && other.agent.tenant.customerId === agent.tenant.customerId;
      });
      if (!stillHere)
        markAgentOffline(agent.tenant.customerId, agent.userId).catch((error: unknown) =>
          console.error("[gateway] presence update failed", error),
        );
    });

    const joinConversation = async (conversationId: string) => {
      await assertAgentMayOpen({ agent, conversationId });
      await socket.join(ROOMS.convAgents(conversationId));
    };

    socket.on(
      EVENTS.join,
      handle(ZJoinConversation, async ({ conversationId }) => {
        await joinConversation(conversationId);
        return { ok: true };
      }),
    );
    socket.on(
      EVENTS.leave,
      handle(ZJoinConversation, async ({ conversationId }) => {
        await socket.leave(ROOMS.convAgents(conversationId));
        return { ok: true };
      }),
    );
    socket.on(
      EVENTS.send,
      handle(ZSendMessage, async (input) => {
        const result = await sendMessage({ sender: { agent }, input });
        return { ok: true, id: result.id, seq: result.seq };
      }),
    );
    // Join first, then read: a message committed in between arrives live or in the replay.
    socket.on(
      EVENTS.sync,
      handle(ZSync, async ({ conversations }) => {
        const messages = [];
        for (const { conversationId, afterSeq } of conversations) {
          await joinConversation(conversationId);
          messages.push(...(await listMessagesAfter({ reader: { agent }, conversationId, afterSeq })));
        }
        return { ok: true, messages };
      }),
    );
    socket.on(
      EVENTS.typing,
      handle(ZTyping, async ({ conversationId, typing }) => {
        if (!socket.rooms.has(ROOMS.convAgents(conversationId))) return { ok: false };
        const event = { conversationId, from: "agent", name: agent.name, typing };
        socket.to(ROOMS.convAgents(conversationId)).emit(EVENTS.typingEvent, event);
        io.of(NAMESPACES.visitor).to(ROOMS.convVisitor(conversationId)).emit(EVENTS.typingEvent, event);
        return { ok: true };
      }),
    );
    socket.on(
      EVENTS.read,
      handle(ZMarkRead, async (input) => ({ ok: true, seq: await markRead({ reader: { agent }, input }) })),
    );
  });

  // Backstop for revocation: every few seconds, drop sockets whose session no longer holds.
  const recheck = async () => {
    try {
      const sockets = [...nsp.sockets.values()];
      const ids = [...new Set(sockets.map((s) => (s.data as TAgentData).sessionId))];
      const ended = new Set(await endedSessions(ids));
      const online: { customerId: string; userId: string }[] = [];
      for (const s of sockets) {
        const { agent, sessionId } = s.data as TAgentData;
        if (ended.has(sessionId)) {
          s.emit(EVENTS.revoked, { sessionId });
          s.disconnect(true);
        } else online.push({ customerId: agent.tenant.customerId, userId: agent.userId });
      }
      // The agents with a live socket stay online for routing (presence.ts drops the others after its TTL).
      await markAgentsOnline(online);
    } catch (error) {
      console.error("[gateway] session re-check failed", error);
    }
  };
  // recheck catches its own errors, so nothing is left to handle here.
  const timer = setInterval(() => void recheck(), getConfig().GATEWAY_SESSION_RECHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
