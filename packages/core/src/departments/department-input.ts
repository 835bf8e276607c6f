import { z } from "zod";
import { ZAddDepartment } from "../provider/add-department";

/** An SLA target in whole minutes (1 minute to 30 days); absent or empty: no target. */
const ZSlaMinutes = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce
    .number({ error: "Whole minutes, or leave it empty." })
    .int("Whole minutes, or leave it empty.")
    .min(1, "At least 1 minute.")
    .max(43_200, "At most 43200 minutes (30 days).")
    .optional(),
);

/**
 * A department as Settings → Departments saves it: new (no id) or renamed/re-kinded, with its
 * SLA targets (docs/inbox.md#sla-targets); a target left out is cleared.
 */
export const ZSaveDepartment = ZAddDepartment.extend({
  id: z.uuid().optional(),
  dealerId: z.uuid(),
  firstResponseMinutes: ZSlaMinutes,
  resolutionMinutes: ZSlaMinutes,
});
export type TSaveDepartment = z.input<typeof ZSaveDepartment>;

export const ZDeleteDepartment = z.object({ id: z.uuid() });
