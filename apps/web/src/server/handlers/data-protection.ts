import { z } from "zod";
import { eraseContact } from "@forecourt/core/contacts/erase-contact";
import { exportContact } from "@forecourt/core/contacts/export-contact";
import { exportLegalBasisRegister } from "@forecourt/core/contacts/export-legal-basis-register";
import { NotFoundError } from "@forecourt/core/errors";
import { updateRetentionPeriod, ZRetentionPeriod } from "@forecourt/core/retention/update-retention-period";
import { defineHandler } from "../define-handler";

/*
 * Data protection (docs/retention.md): contacts are erased and exported, and the retention
 * period set, only inside the session's active tenant; core counts and loads every contact
 * under that tenant's row-level security, so another tenant's contact id is "not found".
 */

/** Erase a contact (T 6.7.5): needs contacts.erase and the confirmation box. */
export const handleEraseContact = defineHandler(
  {
    permission: "contacts.erase",
    input: z.object({
      contactId: z.uuid(),
      confirm: z.literal("on", { error: "Tick the box to confirm." }),
    }),
  },
  async ({ principal, input }) => {
    const result = await eraseContact({ actor: principal, contactId: input.contactId });
    if (!result) throw new NotFoundError("contact");
    return result;
  },
);

/** A data-subject access request: everything held about the contact (GET /contacts/:id/export). */
export const handleExportContact = defineHandler(
  { permission: "contacts.export", input: z.object({ contactId: z.uuid() }) },
  async ({ principal, input }) => {
    const data = await exportContact({ actor: principal, contactId: input.contactId, now: new Date() });
    if (!data) throw new NotFoundError("contact");
    return data;
  },
);

/** The active tenant's legal-basis register (T 7.2); takes no input. */
export const handleLegalBasisRegister = defineHandler({ permission: "contacts.export" }, ({ principal }) =>
  exportLegalBasisRegister({ actor: principal, now: new Date() }),
);

/** Settings → Data protection: the active tenant's retention period; any customer id in the input is ignored. */
export const handleUpdateRetention = defineHandler(
  { permission: "settings.data_protection.manage", input: ZRetentionPeriod },
  ({ principal, input }) => updateRetentionPeriod({ actor: principal, input }),
);
