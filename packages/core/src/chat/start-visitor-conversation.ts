import type { TVisitorPrincipal } from "../principal";
import { randomUUID } from "node:crypto";
import { withTenant } from "@forecourt/db";
import { ZStartConversation, type TFieldMode, type TStartConversation } from "@forecourt/protocol";
import { InvalidInputError, ForbiddenError } from "../errors";
import { getPublicWidget } from "./get-public-widget";
import { newVisitorToken } from "./keys";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { sendMessage } from "./send-message";
import { recordWebhookEvents } from "../webhooks/record-webhook-event";

export type TStartedConversation = { token: string; conversationId: string; contactId: string };

function required(mode: TFieldMode, value: string | undefined, field: string) {
  if (mode === "required" && !value) throw new InvalidInputError(`${field} is required`);
  return mode === "off" ? null : value || null;
}

/**
 * A visitor starts a chat through the widget (pre-chat or offline form). Checks the page
 * origin against the channel's allowed origins, requires the consent box when the channel's
 * legal basis is consent, then creates the contact with its legal-basis record (RULES.md §6,
 * T 7.1/7.2), the widget identity, a visitor session (only the token's hash is stored) and
 * the conversation, in one transaction. The offline form's message becomes the first message.
 */
export async function startVisitorConversation(options: { input: TStartConversation; ip?: string | null }) {
  const input = ZStartConversation.parse(options.input);
  const lookup = await getPublicWidget({ key: input.key, origin: input.origin });
  if (!lookup.ok) throw new ForbiddenError("origin_not_allowed", "This website may not use this chat");
  const { widget, customerId, dealerId } = lookup;
  const { config } = widget;
  if (config.legalBasis === "CONSENT" && !input.consent) {
    throw new InvalidInputError("Please accept the privacy notice to start a chat");
  }
  const name = required(config.preChat.name, input.name, "Name");
  const email = required(config.preChat.email, input.email, "E-mail");
  const phone = required(config.preChat.phone, input.phone, "Phone");
  if (!widget.open && !input.offlineMessage) throw new InvalidInputError("Please write your message");
  const departmentId = widget.departments.some((d) => d.id === input.departmentId) ? input.departmentId : null;
  const { token, tokenHash } = newVisitorToken(customerId);

  const created = await withTenant(customerId, async (tx) => {
    const now = new Date();
    const contact = await tx.contact.create({
      data: {
        customerId,
        name,
        email: email?.toLowerCase() ?? null,
        phone,
        legalBasis: config.legalBasis,
        legalBasisNote:
          config.legalBasis === "CONSENT"
            ? `Consent given in the website chat on ${input.origin}: "${config.consentText}"`
            : `Recorded by the website chat on ${input.origin}`,
        legalBasisRecordedAt: now,
        lastEngagedAt: now,
        identities: { create: { customerId, channelType: "WIDGET", externalId: randomUUID() } },
      },
    });
    await tx.visitorSession.create({
      data: { customerId, channelId: widget.channelId, contactId: contact.id, tokenHash },
    });
    const conversation = await tx.conversation.create({
      data: { customerId, dealerId, channelId: widget.channelId, contactId: contact.id, departmentId },
    });
    // The pre-chat (or offline) form's answers are the lead: stored on the contact and conversation.
    await recordWebhookEvents(tx, customerId, [
      { type: "contact.created", contactId: contact.id },
      { type: "conversation.created", conversationId: conversation.id, contactId: contact.id },
      { type: "lead.created", conversationId: conversation.id, contactId: contact.id },
    ]);
    return { contactId: contact.id, conversationId: conversation.id };
  });

  const visitor: TVisitorPrincipal = {
    kind: "visitor",
    sessionId: "",
    customerId,
    channelId: widget.channelId,
    contactId: created.contactId,
    dealerId,
    ip: options.ip ?? null,
  };
  if (input.offlineMessage) {
    await sendMessage({
      sender: { visitor },
      input: {
        conversationId: created.conversationId,
        clientId: `offline-${created.conversationId}`,
        body: input.offlineMessage,
      },
    });
  } else {
    const summary = await withTenant(customerId, (tx) => conversationSummary(tx, created.conversationId));
    if (summary) publishConversation(summary);
  }
  return { token, ...created } satisfies TStartedConversation;
}
