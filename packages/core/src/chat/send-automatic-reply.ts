import type { TTx } from "@forecourt/db";
import type { TAutomationSource } from "@forecourt/protocol";
import { ForbiddenError, RuleError } from "../errors";
import { afterAppend, appendMessage, sendMessage, type TAppended, type TSendResult } from "./send-message";

export type TAutomaticReply = {
  customerId: string;
  conversationId: string;
  body: string;
  /** What wrote it, and the name the agent sees as its author ("Away message", "Service bot"). */
  source: TAutomationSource;
  name: string;
  sourceId?: string | null;
  /**
   * The idempotency key: the same reply for the same cause is written once, however often the
   * cause is seen (e.g. `away:<conversationId>:<opening>`). Required, so a retried job or a
   * redelivered webhook never answers twice.
   */
  clientId: string;
};

function optionsOf(reply: TAutomaticReply) {
  return {
    sender: { automation: { customerId: reply.customerId } },
    input: { conversationId: reply.conversationId, clientId: reply.clientId, body: reply.body, kind: "TEXT" as const },
    data: { type: "automated", source: reply.source, name: reply.name, sourceId: reply.sourceId ?? null },
  };
}

/** A refusal by the channel (switched off, reply window closed): an automatic reply is then skipped, not an error. */
function isChannelRefusal(error: unknown): boolean {
  return error instanceof RuleError || error instanceof ForbiddenError;
}

/**
 * The platform answers by itself (authorType BOT, shown with `name`; delivered to the contact's
 * channel like an agent's reply). Returns null when the channel refuses it.
 */
export async function sendAutomaticReply(reply: TAutomaticReply): Promise<TSendResult | null> {
  try {
    return await sendMessage(optionsOf(reply));
  } catch (error) {
    if (isChannelRefusal(error)) return null;
    throw error;
  }
}

/**
 * The same inside the caller's transaction (a routing rule deciding as the conversation starts);
 * the caller runs publishAutomaticReply after commit. A channel refusal writes nothing and returns null.
 */
export async function appendAutomaticReply(tx: TTx, reply: TAutomaticReply): Promise<TAppended | null> {
  try {
    await tx.$executeRaw`SAVEPOINT automatic_reply`;
    const appended = await appendMessage(tx, optionsOf(reply));
    await tx.$executeRaw`RELEASE SAVEPOINT automatic_reply`;
    return appended;
  } catch (error) {
    if (!isChannelRefusal(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT automatic_reply`;
    return null;
  }
}

/** After commit: deliver and publish what appendAutomaticReply wrote. */
export async function publishAutomaticReply(customerId: string, appended: TAppended | null): Promise<void> {
  if (appended) await afterAppend(customerId, appended);
}
