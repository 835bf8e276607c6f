import { getConfig } from "@forecourt/config";
import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { encryptSecret } from "../crypto/secret-box";
import { InvalidInputError, NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { targetProblem } from "../webhooks/post-webhook";
import { ZSaveLeadExportTarget, type TSaveLeadExportTarget } from "./lead-form-input";

/**
 * Where a dealer's leads go as ADF/XML (audited, without the secret): a CRM e-mail address and/or
 * a URL that receives a POST. The URL is checked like a webhook's (http(s), no credentials, no
 * private address unless the platform allows them); the secret is stored sealed.
 */
export async function saveLeadExportTarget(options: { actor: TTenantPrincipal; input: TSaveLeadExportTarget }) {
  const { actor } = options;
  assertMay(actor, "settings.lead_forms.manage");
  const input = ZSaveLeadExportTarget.parse(options.input);
  if (!agentMaySeeDealer(actor, input.dealerId)) throw new NotFoundError("dealer");
  if (input.crmUrl) {
    const problem = targetProblem(input.crmUrl, getConfig().WEBHOOK_ALLOW_PRIVATE_TARGETS);
    if (problem)
      throw new InvalidInputError(`This URL cannot receive leads: ${problem}`, [{ path: "crmUrl", message: problem }]);
  }
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const dealer = await tx.dealer.findFirst({ where: { id: input.dealerId, customerId }, select: { id: true } });
    if (!dealer) throw new NotFoundError("dealer");
    const secret = input.clearSecret
      ? { secretEncrypted: null }
      : input.secret
        ? { secretEncrypted: encryptSecret(input.secret) }
        : {};
    const row = await tx.leadExportTarget.upsert({
      where: { dealerId: dealer.id },
      create: { customerId, dealerId: dealer.id, crmEmail: input.crmEmail, crmUrl: input.crmUrl, ...secret },
      update: { crmEmail: input.crmEmail, crmUrl: input.crmUrl, ...secret },
    });
    await tx.auditEvent.create({
      data: {
        customerId,
        actorUserId: actor.userId,
        action: "lead_export_target.updated",
        targetType: "Dealer",
        targetId: dealer.id,
        data: { crmEmail: input.crmEmail, crmUrl: input.crmUrl, secretChanged: "secretEncrypted" in secret },
      },
    });
    return { dealerId: dealer.id, crmEmail: row.crmEmail, crmUrl: row.crmUrl, hasSecret: Boolean(row.secretEncrypted) };
  });
}
