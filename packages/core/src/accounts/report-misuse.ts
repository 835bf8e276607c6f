import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { appDb, withTenant } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ForbiddenError, NotFoundError } from "../errors";
import { sendMail } from "../mail/send-mail";
import { renderMail } from "../mail/render-mail";
import { principalMay, type TUserPrincipal } from "../principal";

export const ZReportMisuse = z.object({
  description: z.string().trim().min(10).max(5000),
  /** The account concerned, if the reporter knows it (a membership of this customer). */
  subjectMembershipId: z.uuid().optional(),
});

/**
 * "Report suspected misuse" (L 1.1.3, T 3.1.5): records it, audits it, and e-mails provider
 * support (PROVIDER_SUPPORT_EMAIL), who may then suspend or replace the account.
 */
export async function reportMisuse(options: { actor: TUserPrincipal; input: z.input<typeof ZReportMisuse> }) {
  const { actor } = options;
  const input = ZReportMisuse.parse(options.input);
  const customerId = actor.tenant?.customerId;
  if (!customerId || !principalMay(actor, "misuse.report", customerId)) throw new ForbiddenError();
  const report = await withTenant(
    customerId,
    async (tx) => {
      let subject: { userId: string; email: string } | null = null;
      if (input.subjectMembershipId) {
        const member = await tx.membership.findFirst({
          where: { id: input.subjectMembershipId, customerId },
          include: { user: { select: { email: true } } },
        });
        if (!member) throw new NotFoundError("membership");
        subject = { userId: member.userId, email: member.user.email };
      }
      const customer = await tx.customer.findFirstOrThrow({ where: { id: customerId } });
      const created = await tx.misuseReport.create({
        data: {
          customerId,
          reportedById: actor.userId,
          subjectUserId: subject?.userId ?? null,
          description: input.description,
        },
      });
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "misuse.reported",
        targetType: "MisuseReport",
        targetId: created.id,
        data: { subjectUserId: subject?.userId ?? null },
      });
      return { id: created.id, customerName: customer.name, subjectEmail: subject?.email ?? null };
    },
    { userId: actor.userId },
  );
  const reporter = await appDb().user.findUniqueOrThrow({ where: { id: actor.userId } });
  let mailed = true;
  try {
    await sendMail({
      to: getConfig().PROVIDER_SUPPORT_EMAIL,
      // Provider support reads English (PROVIDER_SUPPORT_EMAIL has no user and no locale).
      ...renderMail("misuseReport", "en", {
        customerName: report.customerName,
        customerId,
        reporterEmail: reporter.email,
        subjectEmail: report.subjectEmail,
        description: input.description,
        reportId: report.id,
      }),
    });
  } catch (error) {
    console.error("misuse report e-mail failed", error);
    mailed = false;
  }
  return { ok: true as const, reportId: report.id, mailed };
}
