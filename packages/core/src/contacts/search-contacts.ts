import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { contactScopeWhere, conversationScopeWhere } from "./contact-scope";

export const ZContactSearch = z.object({ q: z.string().trim().max(200).default("") });

/**
 * Finds contacts by name, e-mail or phone (case-insensitive substring; phone also ignoring
 * spaces and dashes), newest engagement first. An empty query lists the most recent contacts.
 * A dealer-scoped member finds only contacts with a conversation in their dealers
 * (contact-scope.ts), and the conversation count covers only those.
 */
export async function searchContacts(options: {
  actor: TTenantActor;
  q: string;
  take?: number;
  /**
   * Keyset paging for the API: newest created first, after this row of the previous page. Given
   * (even empty), the order is (createdAt, id) descending, which is total, instead of engagement.
   */
  page?: { before?: { createdAt: string; id: string } };
}) {
  assertMay(options.actor, "contacts.view");
  const q = options.q.trim();
  const digits = q.replace(/[\s\-().]/g, "");
  const customerId = options.actor.tenant.customerId;
  return withTenant(customerId, async (tx) => {
    // Phone numbers match without their spaces, dashes and brackets on either side.
    const phoneIds = /^\+?\d{3,}$/.test(digits)
      ? (
          await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Contact" WHERE "customerId" = ${customerId}::uuid
              AND regexp_replace(COALESCE("phone", ''), '[[:space:]().-]', '', 'g') LIKE ${`%${digits}%`}
            LIMIT 200`
        ).map((r) => r.id)
      : [];
    const before = options.page?.before;
    const at = before && new Date(before.createdAt);
    return tx.contact.findMany({
      where: {
        customerId: options.actor.tenant.customerId,
        ...contactScopeWhere(options.actor),
        ...(before && at
          ? {
              AND: [
                { createdAt: { lte: at } },
                { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: before.id } }] },
              ],
            }
          : {}),
        ...(q
          ? {
              OR: [
                { name: { contains: q, mode: "insensitive" } },
                { email: { contains: q, mode: "insensitive" } },
                { phone: { contains: q } },
                { id: { in: phoneIds } },
              ],
            }
          : {}),
      },
      orderBy: options.page
        ? [{ createdAt: "desc" }, { id: "desc" }]
        : [{ lastEngagedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: options.take ?? 50,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        legalBasis: true,
        legalBasisNote: true,
        legalBasisRecordedAt: true,
        lastEngagedAt: true,
        createdAt: true,
        _count: {
          select: { conversations: { where: conversationScopeWhere(options.actor) }, vehicles: true },
        },
      },
    });
  });
}
