import type { TTx } from "@forecourt/db";
import type { TLeadData } from "@forecourt/protocol";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";

/**
 * A lead's name, e-mail and phone go onto the contact where it has none yet (what the visitor
 * typed in the pre-chat form or an agent entered always wins), so the agent's contact panel and
 * the contact list show them. Audited as a webhook `contact.updated` when anything changed.
 */
export async function fillContactFromLead(tx: TTx, customerId: string, contactId: string, data: TLeadData) {
  const contact = await tx.contact.findFirst({
    where: { id: contactId, customerId },
    select: { name: true, email: true, phone: true },
  });
  if (!contact) return false;
  const text = (a: TLeadData["answers"][number] | undefined) =>
    a && typeof a.value === "string" && a.value.trim() ? a.value.trim() : null;
  const name = text(data.answers.find((a) => a.key === "name" && a.type === "text"));
  const email = text(data.answers.find((a) => a.type === "email"));
  const phone = text(data.answers.find((a) => a.type === "phone"));
  const update = {
    ...(contact.name ? {} : name ? { name: name.slice(0, 120) } : {}),
    ...(contact.email ? {} : email ? { email: email.slice(0, 200) } : {}),
    ...(contact.phone ? {} : phone ? { phone: phone.slice(0, 30) } : {}),
  };
  if (Object.keys(update).length === 0) return false;
  await tx.contact.update({ where: { id: contactId }, data: update });
  await recordWebhookEvent(tx, customerId, { type: "contact.updated", contactId });
  return true;
}
