import { z } from "zod";
import { getContactRecord } from "@forecourt/core/contacts/get-contact-record";
import { searchContacts, ZContactSearch } from "@forecourt/core/contacts/search-contacts";
import { NotFoundError } from "@forecourt/core/errors";
import { principalMay } from "@forecourt/core/principal";
import { defineHandler } from "../define-handler";

/*
 * The data of the Contacts pages, loaded here (not in the page) so the isolation suite calls
 * exactly what the pages call. The principal carries the member's dealer scope, which core
 * applies to every contact path (contacts/contact-scope.ts).
 */

/** /contacts?q=…: the search box and its results. A malformed query searches for nothing. */
export const loadContactsPage = defineHandler(
  { permission: "contacts.view", input: z.object({ q: z.unknown() }).partial() },
  async ({ principal, input }) => {
    const { q } = ZContactSearch.catch({ q: "" }).parse({ q: input.q ?? "" });
    const contacts = await searchContacts({ actor: principal, q });
    return { q, contacts, canExport: principalMay(principal, "contacts.export") };
  },
);

export type TContactsPage = Extract<Awaited<ReturnType<typeof loadContactsPage>>, { ok: true }>["data"];

/** /contacts/:id: one contact's record; 404 for a malformed, foreign or out-of-scope id. */
export const loadContactRecordPage = defineHandler(
  { permission: "contacts.view", input: z.object({ contactId: z.unknown() }) },
  async ({ principal, input }) => {
    const parsed = z.uuid().safeParse(input.contactId);
    const record = parsed.success ? await getContactRecord({ actor: principal, contactId: parsed.data }) : null;
    if (!record) throw new NotFoundError("contact");
    return {
      ...record,
      canExport: principalMay(principal, "contacts.export"),
      canErase: principalMay(principal, "contacts.erase"),
    };
  },
);
