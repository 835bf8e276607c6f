/*
 * SLA targets per department (Settings → Departments): first response (from the customer's first
 * message until the first agent reply) and resolution (from the conversation's start until it is
 * closed). Pure: the inbox list asks `conversationSla` which target is running, and the browser
 * asks `slaStatus` how far it is from due, on its own clock, so a badge counts down without reloads.
 */

export type TSlaTargets = { firstResponseMinutes: number | null; resolutionMinutes: number | null };

export type TSlaFacts = {
  status: "OPEN" | "PENDING" | "SNOOZED" | "CLOSED";
  createdAt: Date;
  /** The customer's first message (null: the dealer wrote first and the customer has not answered). */
  firstInboundAt: Date | null;
  /** The first agent (or managed agent) reply after `firstInboundAt`; notes do not count. */
  firstReplyAt: Date | null;
  /**
   * Arrived outside business hours: the opening it waited for (Conversation.waitingUntil, set by
   * routing). The first-response clock starts there, not overnight.
   */
  opensAt?: Date | null;
};

/** The running target: which one and when it is due (ISO). */
export type TSla = { kind: "firstResponse" | "resolution"; dueAt: string };

const MINUTE = 60_000;

/**
 * The target that is running for an open conversation, or null (closed, snoozed, no target).
 * While the first reply is outstanding that is the first-response target; after it, the
 * resolution target (when the department has one).
 */
export function conversationSla(facts: TSlaFacts, targets: TSlaTargets): TSla | null {
  if (facts.status !== "OPEN" && facts.status !== "PENDING") return null;
  const { firstResponseMinutes, resolutionMinutes } = targets;
  if (firstResponseMinutes && facts.firstInboundAt && !facts.firstReplyAt) {
    const start = Math.max(facts.firstInboundAt.getTime(), facts.opensAt?.getTime() ?? 0);
    return { kind: "firstResponse", dueAt: new Date(start + firstResponseMinutes * MINUTE).toISOString() };
  }
  if (resolutionMinutes) {
    return {
      kind: "resolution",
      dueAt: new Date(facts.createdAt.getTime() + resolutionMinutes * MINUTE).toISOString(),
    };
  }
  return null;
}

/** How far from due: whole minutes left (rounded up), or minutes overdue (at least 1 once due). */
export function slaStatus(sla: TSla, now: Date): { overdue: boolean; minutes: number } {
  const left = new Date(sla.dueAt).getTime() - now.getTime();
  if (left > 0) return { overdue: false, minutes: Math.ceil(left / MINUTE) };
  return { overdue: true, minutes: Math.max(1, Math.floor(-left / MINUTE)) };
}
