import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { InvalidInputError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { assertMay, type TTenantPrincipal } from "../principal";
import { visitorNamesOf, ZSaveDepartment, type TSaveDepartment } from "./department-input";

const taken = () =>
  new InvalidInputError("This dealer already has a department with that name.", [
    { path: "name", message: "Already used at this dealer." },
  ]);

/**
 * Creates a department for one of the actor's dealers, or renames / re-kinds one (audited).
 * Names are unique per dealer (the database's unique index decides a race). A department never
 * moves to another dealer: its conversations and members belong to this one.
 */
export async function saveDepartment(options: { actor: TTenantPrincipal; input: TSaveDepartment }) {
  const { actor } = options;
  assertMay(actor, "settings.departments.manage");
  const input = ZSaveDepartment.parse(options.input);
  if (!agentMaySeeDealer(actor, input.dealerId)) throw new NotFoundError("dealer");
  const { customerId } = actor.tenant;
  try {
    return await withTenant(customerId, async (tx) => {
      const dealer = await tx.dealer.findUnique({ where: { id: input.dealerId }, select: { id: true } });
      if (!dealer) throw new NotFoundError("dealer");
      const targets = {
        firstResponseMinutes: input.firstResponseMinutes ?? null,
        resolutionMinutes: input.resolutionMinutes ?? null,
      };
      const visitorNames = visitorNamesOf(input);
      let id = input.id;
      if (id) {
        const existing = await tx.department.findUnique({ where: { id } });
        if (!existing || existing.dealerId !== input.dealerId) throw new NotFoundError("department");
        await tx.department.update({
          where: { id },
          data: { name: input.name, kind: input.kind, visitorNames, ...targets },
        });
      } else {
        id = (
          await tx.department.create({
            data: { customerId, dealerId: dealer.id, name: input.name, kind: input.kind, visitorNames, ...targets },
            select: { id: true },
          })
        ).id;
      }
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId: actor.userId,
          action: input.id ? "department.updated" : "department.created",
          targetType: "Department",
          targetId: id,
          data: { name: input.name, kind: input.kind, dealerId: input.dealerId, visitorNames, ...targets },
        },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
