import type { TVisitorPrincipal } from "../principal";
import { randomUUID } from "node:crypto";
import { withTenant, type Prisma } from "@forecourt/db";
import {
  ZStartConversation,
  ZStartConversationExtras,
  type TFieldMode,
  type TStartConversation,
  type TWidgetConfig,
} from "@forecourt/protocol";
import { InvalidInputError, ForbiddenError } from "../errors";
import { getPublicWidget } from "./get-public-widget";
import { newVisitorToken } from "./keys";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { sendMessage } from "./send-message";
import { ANONYMOUS_PREFIX, checkWidgetIdentity, contactOfIdentity, type TIdentityCheck } from "./widget-identity";
import { recordWebhookEvents } from "../webhooks/record-webhook-event";

export type TStartedConversation = {
  token: string;
  conversationId: string;
  contactId: string;
  /** Whether the widget's `identify` verified (null: none was given). */
  identity: TIdentityCheck | null;
};

function required(mode: TFieldMode, value: string | undefined, field: string) {
  if (mode === "required" && !value) throw new InvalidInputError(`${field} is required`);
  return mode === "off" ? null : value || null;
}

/** The legal-basis record the widget writes for a contact it creates (RULES.md §6, T 7.1/7.2). */
function legalBasisOf(config: TWidgetConfig, origin: string, now: Date) {
  return {
    legalBasis: config.legalBasis,
    legalBasisNote:
      config.legalBasis === "CONSENT"
        ? `Consent given in the website chat on ${origin}: "${config.consentText}"`
        : `Recorded by the website chat on ${origin}`,
    legalBasisRecordedAt: now,
  };
}

/**
 * A visitor starts a chat through the widget (pre-chat or offline form). Checks the page
 * origin against the channel's allowed origins, requires the consent box when the channel's
 * legal basis is consent, then creates the contact with its legal-basis record (RULES.md §6,
 * T 7.1/7.2), the widget identity, a visitor session (only the token's hash is stored) and
 * the conversation, in one transaction. The offline form's message becomes the first message.
 * `extras` (the widget's JavaScript API): a verified `identity` makes the chat that person's
 * contact (found by the dealer's user id, or created; its fields fill the contact), a refused
 * one is ignored (the chat starts anonymously); `vehicle` becomes the vehicle of interest.
 */
export async function startVisitorConversation(options: {
  input: TStartConversation;
  extras?: unknown;
  ip?: string | null;
}) {
  const input = ZStartConversation.parse(options.input);
  const extras = ZStartConversationExtras.parse(options.extras ?? {});
  const lookup = await getPublicWidget({ key: input.key, origin: input.origin });
  if (!lookup.ok) throw new ForbiddenError("origin_not_allowed", "This website may not use this chat");
  const { widget, customerId, dealerId } = lookup;
  const { config } = widget;
  if (config.legalBasis === "CONSENT" && !input.consent) {
    throw new InvalidInputError("Please accept the privacy notice to start a chat");
  }
  const identity = extras.identity
    ? checkWidgetIdentity(
        await withTenant(customerId, (tx) =>
          tx.channel.findUniqueOrThrow({ where: { id: widget.channelId }, select: { secretsEncrypted: true } }),
        ),
        extras.identity,
      )
    : null;
  const known = identity?.ok ? identity.identity : null;
  const name = required(config.preChat.name, input.name || known?.name, "Name");
  const email = required(config.preChat.email, input.email || known?.email, "E-mail");
  const phone = required(config.preChat.phone, input.phone || known?.phone, "Phone");
  // A verified identity fills the contact even where the form does not ask (the dealer knows them).
  const filled = {
    name: name ?? known?.name ?? null,
    email: (email ?? known?.email)?.toLowerCase() ?? null,
    phone: phone ?? known?.phone ?? null,
  };
  if (!widget.open && !input.offlineMessage) throw new InvalidInputError("Please write your message");
  const departmentId = widget.departments.some((d) => d.id === input.departmentId) ? input.departmentId : null;
  const { token, tokenHash } = newVisitorToken(customerId);

  const created = await withTenant(customerId, async (tx) => {
    const now = new Date();
    const existingId = known ? await contactOfIdentity(tx, customerId, known.id) : null;
    const existing = existingId ? await tx.contact.findUnique({ where: { id: existingId } }) : null;
    const contact = existing
      ? await tx.contact.update({
          where: { id: existing.id },
          data: {
            ...(filled.name ? { name: filled.name } : {}),
            ...(filled.email ? { email: filled.email } : {}),
            ...(filled.phone ? { phone: filled.phone } : {}),
            lastEngagedAt: now,
            ...(existing.legalBasis ? {} : legalBasisOf(config, input.origin, now)),
          },
        })
      : await tx.contact.create({
          data: {
            customerId,
            ...filled,
            ...legalBasisOf(config, input.origin, now),
            lastEngagedAt: now,
            identities: {
              create: {
                customerId,
                channelType: "WIDGET",
                externalId: known?.id ?? `${ANONYMOUS_PREFIX}${randomUUID()}`,
              },
            },
          },
        });
    await tx.visitorSession.create({
      data: { customerId, channelId: widget.channelId, contactId: contact.id, tokenHash },
    });
    const conversation = await tx.conversation.create({
      data: {
        customerId,
        dealerId,
        channelId: widget.channelId,
        contactId: contact.id,
        departmentId,
        vehicleOfInterest: extras.vehicle ? (extras.vehicle as Prisma.InputJsonObject) : undefined,
        startPage: extras.page ?? null,
        language: extras.locale ?? null,
      },
    });
    // The pre-chat (or offline) form's answers are the lead: stored on the contact and conversation.
    await recordWebhookEvents(tx, customerId, [
      // A returning identified visitor is a known contact: updated, not created.
      { type: existing ? "contact.updated" : "contact.created", contactId: contact.id },
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
  return { token, ...created, identity } satisfies TStartedConversation;
}
