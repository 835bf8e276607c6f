import { z } from "zod";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { getContactRecord } from "@forecourt/core/contacts/get-contact-record";
import { searchContacts, ZContactSearch } from "@forecourt/core/contacts/search-contacts";
import { sessionCan } from "../principal";
import { scopedActorOf } from "../retention-actor";
import { refuse } from "./chat-result";
import type { THandlerMeta, THandlerResult } from "./result";

/*
 * The data of the Contacts pages, loaded here (not in the page) so the isolation suite calls
 * exactly what the pages call. Both carry the member's dealer scope (core contacts/contact-scope.ts).
 */

/** /contacts?q=…: the search box and its results. A malformed query searches for nothing. */
export async function loadContactsPage(
  session: TSessionContext | null,
  raw: Record<string, unknown>,
  _meta?: THandlerMeta,
) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = scopedActorOf(session);
  if (!actor || !sessionCan(session, "contacts.view")) return refuse(403, "forbidden", "forbidden");
  const { q } = ZContactSearch.catch({ q: "" }).parse({ q: raw.q ?? "" });
  const contacts = await searchContacts({ actor, q });
  return { ok: true, data: { q, contacts, canExport: sessionCan(session, "contacts.export") } } as const;
}

export type TContactsPage = Extract<Awaited<ReturnType<typeof loadContactsPage>>, { ok: true }>["data"];

/** /contacts/:id: one contact's record; 404 for a malformed, foreign or out-of-scope id. */
export async function loadContactRecordPage(
  session: TSessionContext | null,
  raw: Record<string, unknown>,
  _meta?: THandlerMeta,
) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = scopedActorOf(session);
  if (!actor || !sessionCan(session, "contacts.view")) return refuse(403, "forbidden", "forbidden");
  const parsed = z.uuid().safeParse(raw.contactId);
  if (!parsed.success) return refuse(404, "not_found", "No such contact.");
  const record = await getContactRecord({ actor, contactId: parsed.data });
  if (!record) return refuse(404, "not_found", "No such contact.");
  return {
    ok: true,
    data: {
      ...record,
      canExport: sessionCan(session, "contacts.export"),
      canErase: sessionCan(session, "contacts.erase"),
    },
  } satisfies THandlerResult<unknown>;
}
