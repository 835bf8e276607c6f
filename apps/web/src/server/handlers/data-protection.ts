import { z } from "zod";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { ERASE_OUTSIDE_SCOPE, eraseContact } from "@forecourt/core/contacts/erase-contact";
import { exportContact } from "@forecourt/core/contacts/export-contact";
import { exportLegalBasisRegister } from "@forecourt/core/contacts/export-legal-basis-register";
import { ForbiddenError } from "@forecourt/core/errors";
import { updateRetentionPeriod, ZRetentionPeriod } from "@forecourt/core/retention/update-retention-period";
import { sessionCan } from "../principal";
import { scopedActorOf, tenantActorOf } from "../retention-actor";
import { refuse } from "./chat-result";
import type { THandlerResult } from "./result";

/*
 * Data protection (docs/retention.md): contacts are erased and exported, and the retention
 * period set, only inside the session's active tenant; core counts and loads every contact
 * under that tenant's row-level security, so another tenant's contact id is "not found". The
 * contact paths also carry the member's dealer scope (core contacts/contact-scope.ts): a contact
 * without a conversation in the member's dealers is "not found" too.
 */

async function forbiddenAsRefusal<T>(fn: () => Promise<THandlerResult<T>>): Promise<THandlerResult<T>> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ForbiddenError && error.message === ERASE_OUTSIDE_SCOPE) {
      return refuse(
        403,
        ERASE_OUTSIDE_SCOPE,
        "This contact also has conversations with dealers outside your scope: ask an administrator for all dealers.",
      );
    }
    if (error instanceof ForbiddenError) return refuse(403, "forbidden", "forbidden");
    throw error;
  }
}

const ZErase = z.object({ contactId: z.uuid(), confirm: z.literal("on") });

/** Erase a contact (T 6.7.5): needs contacts.erase and the confirmation box. */
export async function handleEraseContact(session: TSessionContext | null, raw: unknown) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = scopedActorOf(session);
  if (!actor || !sessionCan(session, "contacts.erase")) return refuse(403, "forbidden", "forbidden");
  const parsed = ZErase.safeParse(raw);
  if (!parsed.success) return refuse(400, "confirm", "Tick the box to confirm.");
  return forbiddenAsRefusal(async () => {
    const result = await eraseContact({ actor, contactId: parsed.data.contactId });
    return result ? { ok: true, data: result } : refuse(404, "missing", "No such contact.");
  });
}

const ZExport = z.object({ contactId: z.uuid() });

/** A data-subject access request: everything held about the contact (GET /contacts/:id/export). */
export async function handleExportContact(session: TSessionContext | null, raw: unknown) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = scopedActorOf(session);
  if (!actor || !sessionCan(session, "contacts.export"))
    return refuse(403, "forbidden", "You may not export contacts.");
  const parsed = ZExport.safeParse(raw);
  if (!parsed.success) return refuse(400, "invalid_input", "Not a contact id.");
  return forbiddenAsRefusal(async () => {
    const data = await exportContact({ actor, contactId: parsed.data.contactId, now: new Date() });
    return data ? { ok: true, data } : refuse(404, "not_found", "No such contact.");
  });
}

/** The active tenant's legal-basis register (T 7.2); takes no input. */
export async function handleLegalBasisRegister(session: TSessionContext | null) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = scopedActorOf(session);
  if (!actor || !sessionCan(session, "contacts.export"))
    return refuse(403, "forbidden", "You may not export contacts.");
  return forbiddenAsRefusal(async () => ({
    ok: true,
    data: await exportLegalBasisRegister({ actor, now: new Date() }),
  }));
}

/** Settings → Data protection: the active tenant's retention period; any customer id in the input is ignored. */
export async function handleUpdateRetention(session: TSessionContext | null, raw: unknown) {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  const actor = tenantActorOf(session);
  if (!actor || !sessionCan(session, "settings.data_protection.manage")) return refuse(403, "forbidden", "forbidden");
  const parsed = ZRetentionPeriod.safeParse({ months: (raw as { months?: unknown } | null)?.months });
  if (!parsed.success) return refuse(400, "invalid", "invalid");
  return forbiddenAsRefusal(async () => ({
    ok: true,
    data: await updateRetentionPeriod({ actor, input: parsed.data }),
  }));
}
