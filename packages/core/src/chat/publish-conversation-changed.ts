import { CONVERSATION_CHANGED_EVENT, NAMESPACES, ROOMS } from "@forecourt/protocol";
import { emitter } from "./realtime";

/**
 * Agents who have the conversation open re-read its detail (the contact was identified, the
 * vehicle of interest changed). It carries only the id: what they may see is read again
 * through their own scope, never pushed.
 */
export function publishConversationChanged(conversationId: string) {
  emitter()
    .of(NAMESPACES.agent)
    .to(ROOMS.convAgents(conversationId))
    .emit(CONVERSATION_CHANGED_EVENT, { conversationId });
}
