import { Prisma, withTenant } from "@forecourt/db";
import { ZBusinessHours, ZHolidays, ZTimeZone } from "@forecourt/protocol";
import { z } from "zod";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { InvalidInputError, NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { auditRouting } from "./routing-audit";

/** Opening intervals must open before they close ("09:00–17:00", not "17:00–09:00"). */
const ZOrderedHours = ZBusinessHours.refine(
  (hours) => Object.values(hours).every((day) => (day ?? []).every(([open, close]) => open < close)),
  { message: "Each opening time must be before its closing time" },
);

export const ZSaveBusinessHours = z.object({
  dealerId: z.uuid(),
  timeZone: ZTimeZone,
  businessHours: ZOrderedHours,
  holidays: ZHolidays,
  awayMessage: z.string().trim().max(1000).nullable(),
  /** Departments with hours of their own (null: the dealer's). */
  departments: z
    .array(z.object({ id: z.uuid(), businessHours: ZOrderedHours.nullable() }))
    .max(50)
    .default([]),
});
export type TSaveBusinessHours = z.input<typeof ZSaveBusinessHours>;

/** A dealer's time zone, weekly hours, holidays, away message and its departments' own hours; audited. */
export async function saveBusinessHours(options: { actor: TTenantPrincipal; input: TSaveBusinessHours }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZSaveBusinessHours.parse(options.input);
  if (!agentMaySeeDealer(actor, input.dealerId)) throw new NotFoundError("dealer");
  return withTenant(actor.tenant.customerId, async (tx) => {
    const dealer = await tx.dealer.findUnique({ where: { id: input.dealerId }, select: { id: true } });
    if (!dealer) throw new NotFoundError("dealer");
    const ids = input.departments.map((d) => d.id);
    if (
      ids.length > 0 &&
      (await tx.department.count({ where: { id: { in: ids }, dealerId: dealer.id } })) !== new Set(ids).size
    )
      throw new InvalidInputError("That department is not one of this dealer's.");
    await tx.dealer.update({
      where: { id: dealer.id },
      data: {
        timeZone: input.timeZone,
        businessHours: input.businessHours as Prisma.InputJsonObject,
        holidays: input.holidays as Prisma.InputJsonArray,
        awayMessage: input.awayMessage || null,
      },
    });
    for (const d of input.departments)
      await tx.department.update({
        where: { id: d.id },
        data: { businessHours: d.businessHours === null ? Prisma.DbNull : (d.businessHours as Prisma.InputJsonObject) },
      });
    await auditRouting(tx, actor, "dealer.hours_updated", dealer.id, {
      timeZone: input.timeZone,
      businessHours: input.businessHours,
      holidays: input.holidays,
      awayMessage: input.awayMessage,
      departments: input.departments,
    });
    return { id: dealer.id };
  });
}
