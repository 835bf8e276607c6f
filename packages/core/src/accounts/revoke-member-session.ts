import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError } from "../errors";
import { appDb } from "@forecourt/db";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { assertMayManage, loadMember } from "./load-member";
import { revokeSessionsWhere } from "./revoke-sessions";

/** Revokes one of a member's sessions (Settings → Users → a user → Sessions). */
export async function revokeMemberSession(options: {
  actor: TUserPrincipal;
  customerId: string;
  membershipId: string;
  sessionId: string;
}) {
  const { actor, customerId, membershipId } = options;
  const sessionId = z.uuid().parse(options.sessionId);
  const userId = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "revoke a user's session" },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      const session = await appDb().userSession.findFirst({ where: { id: sessionId, userId: member.userId } });
      if (!session) throw new NotFoundError("session");
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.session_revoked",
        targetType: "UserSession",
        targetId: sessionId,
        data: { email: member.user.email },
      });
      return member.userId;
    },
  );
  await revokeSessionsWhere({ id: sessionId, userId });
  return { ok: true as const };
}
