/**
 * Plus tier (licence L 1 "Plus", order form): when a Plus customer's conversation goes to the
 * provider's managed agents. Interpretation (one place, for a lawyer to change): a conversation
 * is theirs to answer when it is open, no agent (the dealer's or a managed one) has replied
 * yet, and either the contact's first message is at least `managedAfterMinutes` old, or it
 * arrived while the dealer was closed (when the order form says `managedOutsideHours`). The
 * order form in force is the customer's latest Plus subscription that is not terminated; without
 * one, the defaults below apply.
 */
export const MANAGED_DEFAULTS = { managedAfterMinutes: 5, managedOutsideHours: true } as const;

export type TManagedReason = "unanswered" | "outside_hours";

export type TManagedSettings = { managedAfterMinutes: number; managedOutsideHours: boolean };

/** Why a conversation is in the managed queue at `now` (empty: it is not). */
export function managedQueueReasons(
  settings: TManagedSettings,
  firstContactAt: Date,
  now: Date,
  openAtArrival: boolean,
): TManagedReason[] {
  const reasons: TManagedReason[] = [];
  if (settings.managedOutsideHours && !openAtArrival) reasons.push("outside_hours");
  if (now.getTime() - firstContactAt.getTime() >= settings.managedAfterMinutes * 60_000) reasons.push("unanswered");
  return reasons;
}
