import { z } from "zod";
import { actorFromSession } from "@forecourt/core/accounts/actor";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { confirmTwoFactorEnrolment } from "@forecourt/core/security/confirm-two-factor-enrolment";
import { disableTwoFactor } from "@forecourt/core/security/disable-two-factor";
import { startTwoFactorEnrolment } from "@forecourt/core/security/start-two-factor-enrolment";
import { sessionCan } from "../principal";
import { forbidden, run, unauthenticated, type THandlerMeta } from "./result";

/**
 * The signed-in user's own two-factor settings (settings.profile). Asked with the full
 * principal, read-only state included. settings.profile is not a `writes` action on purpose:
 * two-factor changes the person's global identity (User), not the tenant's data, so a
 * terminated customer's administrator in the read-only period may still protect the account
 * they export with, and provider staff are never held by a tenant's read-only state.
 */
function allowed(session: TSessionContext) {
  return sessionCan(session, "settings.profile");
}

export async function handleStartTwoFactor(session: TSessionContext | null, _raw: unknown, meta: THandlerMeta) {
  if (!session) return unauthenticated;
  if (!allowed(session)) return forbidden;
  return run(() => startTwoFactorEnrolment({ actor: actorFromSession(session, meta.ip) }));
}

export async function handleConfirmTwoFactor(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  if (!session) return unauthenticated;
  if (!allowed(session)) return forbidden;
  return run(async () => {
    const { code } = z.object({ code: z.string() }).parse(raw);
    return confirmTwoFactorEnrolment({ actor: actorFromSession(session, meta.ip), code });
  });
}

export async function handleDisableTwoFactor(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  if (!session) return unauthenticated;
  if (!allowed(session)) return forbidden;
  return run(async () => {
    const { code } = z.object({ code: z.string() }).parse(raw);
    return disableTwoFactor({ actor: actorFromSession(session, meta.ip), code });
  });
}
