import { z } from "zod";
import { WIDGET_LANGUAGES, type TLocalisedNames } from "@forecourt/protocol";
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
/** A name for visitors in one widget language, as the form sends it; empty: the department's name. */
const ZVisitorName = z.string().trim().max(120, "At most 120 characters.").optional();

export const ZSaveDepartment = ZAddDepartment.extend({
  id: z.uuid().optional(),
  dealerId: z.uuid(),
  firstResponseMinutes: ZSlaMinutes,
  resolutionMinutes: ZSlaMinutes,
  visitorName_en: ZVisitorName,
  visitorName_nl: ZVisitorName,
  visitorName_da: ZVisitorName,
  visitorName_de: ZVisitorName,
});

/** The visitor names the form sent, as Department.visitorNames stores them (blanks left out). */
export function visitorNamesOf(input: z.output<typeof ZSaveDepartment>): TLocalisedNames {
  const names: TLocalisedNames = {};
  for (const lang of WIDGET_LANGUAGES) {
    const name = input[`visitorName_${lang}`];
    if (name) names[lang] = name;
  }
  return names;
}
export type TSaveDepartment = z.input<typeof ZSaveDepartment>;

export const ZDeleteDepartment = z.object({ id: z.uuid() });
