import { withTenant } from "@forecourt/db";
import { getConfig } from "@forecourt/config";
import { recordAuditEvent } from "../audit/record-audit-event";
import { sendMail } from "../mail/send-mail";
import { mailLocaleOf, renderMail } from "../mail/render-mail";

/**
 * The platform turns an endpoint off: the receiver said 410 Gone, or every retry of a delivery
 * failed. Audited (no actor: the delivery job), and the tenant's owners and administrators are
 * told by e-mail, in their language. A second call for an endpoint already off does nothing.
 */
export async function disableFailingEndpoint(options: {
  customerId: string;
  endpointId: string;
  reason: "gone" | "failing";
}): Promise<boolean> {
  const { customerId, endpointId, reason } = options;
  const disabled = await withTenant(customerId, async (tx) => {
    const updated = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, customerId, status: "ACTIVE" },
      data: { status: "DISABLED", disabledReason: reason, disabledAt: new Date() },
    });
    if (updated.count === 0) return null;
    await recordAuditEvent(tx, null, {
      customerId,
      action: "webhook_endpoint.disabled",
      targetType: "WebhookEndpoint",
      targetId: endpointId,
      data: { reason, job: "webhooks.deliver" },
    });
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { url: true } });
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true } });
    const admins = await tx.membership.findMany({
      where: { customerId, status: "ACTIVE", role: { in: ["OWNER", "ADMIN"] } },
      select: { user: { select: { email: true, locale: true } } },
    });
    return { url: endpoint.url, customerName: customer.name, admins: admins.map((a) => a.user) };
  });
  if (!disabled) return false;
  const link = `${getConfig().WEB_URL}/settings/webhooks`;
  for (const admin of disabled.admins) {
    try {
      await sendMail({
        to: admin.email,
        ...renderMail("webhookDisabled", mailLocaleOf(admin.locale), {
          customerName: disabled.customerName,
          url: disabled.url,
          reason,
          link,
        }),
      });
    } catch (error) {
      console.error(`[webhooks] could not tell ${admin.email} that endpoint ${endpointId} was disabled`, error);
    }
  }
  return true;
}
