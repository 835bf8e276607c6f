import { z } from "zod";
import { createContact, ZCreateContact } from "@forecourt/core/contacts/create-contact";
import { getContactRecord } from "@forecourt/core/contacts/get-contact-record";
import { searchContacts, ZContactSearch } from "@forecourt/core/contacts/search-contacts";
import { updateContact, ZUpdateContact } from "@forecourt/core/chat/update-contact";
import { NotFoundError } from "@forecourt/core/errors";
import type { TTenantActor } from "@forecourt/core/principal";
import { ZApiContact, ZApiContactPage, ZApiCursorQuery, type TApiContact } from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";
import { vehicleView } from "@forecourt/core/contacts/vehicle-fields";

const ZContactParams = z.object({ contactId: z.uuid() });
const ZContactCursor = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A contact as the API shows it: vehicles, channel identities (no tokens exist on them), conversations in scope. */
async function contactOf(actor: TTenantActor, contactId: string): Promise<TApiContact> {
  const record = await getContactRecord({ actor, contactId });
  if (!record) throw new NotFoundError("contact");
  const c = record.contact;
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    legalBasis: c.legalBasis,
    legalBasisNote: c.legalBasisNote,
    legalBasisRecordedAt: iso(c.legalBasisRecordedAt),
    lastEngagedAt: iso(c.lastEngagedAt),
    createdAt: c.createdAt.toISOString(),
    vehicles: c.vehicles.map(vehicleView),
    identities: c.identities.map((i) => ({
      channelType: i.channelType,
      externalId: i.externalId,
      optedOutAt: iso(i.optedOutAt),
      optOutReason: i.optOutReason,
      createdAt: i.createdAt.toISOString(),
    })),
    conversations: c.conversations.map((v) => ({
      id: v.id,
      status: v.status,
      channelType: v.channel.type,
      dealerId: v.dealerId,
      createdAt: v.createdAt.toISOString(),
      lastMessageAt: v.lastMessageAt.toISOString(),
    })),
  };
}

export const searchContactsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/contacts",
    operationId: "searchContacts",
    summary: "Search contacts",
    description:
      "By name, e-mail or phone (substring; phone also without spaces and dashes); without q, every contact. " +
      "Newest first. A dealer-scoped key finds only contacts with a conversation in its dealers.",
    tag: "Contacts",
    permission: "contacts.view",
    query: ZApiCursorQuery.extend({ q: ZContactSearch.shape.q }),
    response: ZApiContactPage,
  },
  async ({ principal, query }) => {
    const before = decodeCursor(ZContactCursor, query.cursor);
    const rows = await searchContacts({ actor: principal, q: query.q, take: query.limit + 1, page: { before } });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        legalBasis: c.legalBasis,
        legalBasisNote: c.legalBasisNote,
        legalBasisRecordedAt: iso(c.legalBasisRecordedAt),
        lastEngagedAt: iso(c.lastEngagedAt),
        createdAt: c.createdAt.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  },
);

export const getContactEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/contacts/{contactId}",
    operationId: "getContact",
    summary: "Get a contact",
    description: "With vehicles, channel identities, the legal-basis record and the conversations the key may see.",
    tag: "Contacts",
    permission: "contacts.view",
    params: ZContactParams,
    response: ZApiContact,
  },
  ({ principal, params }) => contactOf(principal, params.contactId),
);

export const createContactEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/contacts",
    operationId: "createContact",
    summary: "Create a contact",
    description:
      "legalBasis is required: record why you may hold this person's data (RULES.md §6, T 7.1). A key limited to " +
      "some dealers cannot create a bare contact (it could not see it): open a conversation with a contact instead.",
    tag: "Contacts",
    permission: "contacts.edit",
    body: ZCreateContact,
    response: ZApiContact,
    status: 201,
  },
  async ({ principal, body }) => contactOf(principal, await createContact({ actor: principal, input: body })),
);

export const updateContactEndpoint = defineApiEndpoint(
  {
    method: "PATCH",
    path: "/contacts/{contactId}",
    operationId: "updateContact",
    summary: "Update a contact",
    description:
      'Only the fields you send change; null or "" clears one. vehicles: without id adds one (VIN or plate needed), ' +
      "with id changes it, with remove: true deletes it. A changed legalBasis is recorded with the time.",
    tag: "Contacts",
    permission: "contacts.edit",
    params: ZContactParams,
    body: ZUpdateContact.omit({ contactId: true }),
    response: ZApiContact,
  },
  async ({ principal, params, body }) => {
    await updateContact({ agent: principal, input: { ...body, contactId: params.contactId } });
    return contactOf(principal, params.contactId);
  },
);
