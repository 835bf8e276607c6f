import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZSetLeadFormActive, type TSetLeadFormActive } from "./lead-form-input";

/** Turns a lead form on or off (audited). An inactive form is not offered to agents; forms already sent can still be answered. */
export async function setLeadFormActive(options: { actor: TTenantPrincipal; input: TSetLeadFormActive }) {
  const { actor } = options;
  assertMay(actor, "settings.lead_forms.manage");
  const input = ZSetLeadFormActive.parse(options.input);
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const form = await tx.leadForm.findFirst({ where: { id: input.formId, customerId } });
    if (!form || !agentMaySeeDealer(actor, form.dealerId)) throw new NotFoundError("form");
    await tx.leadForm.update({ where: { id: form.id }, data: { active: input.active } });
    await tx.auditEvent.create({
      data: {
        customerId,
        actorUserId: actor.userId,
        action: input.active ? "lead_form.enabled" : "lead_form.disabled",
        targetType: "LeadForm",
        targetId: form.id,
        data: { dealerId: form.dealerId, kind: form.kind },
      },
    });
    return { id: form.id, active: input.active };
  });
}
