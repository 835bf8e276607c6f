import { withProviderAccess } from "@forecourt/db";
import type { TChannelType } from "@forecourt/protocol";
import { isOpen, parseBusinessHours, parseHolidays } from "../chat/business-hours";
import { assertProvider, type TUserPrincipal } from "../principal";
import { managedAgentMayAccess } from "./managed-agent-access";
import { MANAGED_DEFAULTS, managedQueueReasons, type TManagedReason } from "./managed-queue-settings";

export type TManagedQueueItem = {
  conversationId: string;
  customerId: string;
  customerName: string;
  dealerId: string;
  dealerName: string;
  contactName: string | null;
  channelType: TChannelType;
  /** The contact's first message (ISO); the queue is ordered by it, oldest first. */
  firstContactAt: string;
  waitingSeconds: number;
  reasons: TManagedReason[];
  managedAfterMinutes: number;
};

type TRow = {
  conversationId: string;
  customerId: string;
  customerName: string;
  customerTier: "STANDARD" | "PLUS";
  customerStatus: string;
  dealerId: string;
  dealerName: string;
  timeZone: string;
  businessHours: unknown;
  holidays: unknown;
  contactName: string | null;
  channelType: TChannelType;
  firstContactAt: Date;
  managedAfterMinutes: number | null;
  managedOutsideHours: boolean | null;
};

/** How many unanswered conversations are considered at most (oldest first). */
const SCAN_LIMIT = 500;

/**
 * The provider's managed-agent queue (Plus tier, L 1 "Plus"): across every Plus customer that
 * managedAgentMayAccess allows, the open conversations no agent has answered yet that waited
 * past the order form's minutes or arrived while the dealer was closed (managed-queue-settings.ts),
 * oldest first. Standard customers never appear: the query reads Plus customers only, and each
 * row is checked again by the one access rule. Managed agents and provider support; audited.
 */
export async function listManagedQueue(options: { actor: TUserPrincipal; now?: Date }): Promise<TManagedQueueItem[]> {
  assertProvider(options.actor, "provider.managed_queue.view");
  const now = options.now ?? new Date();
  const rows = await withProviderAccess(
    { actorUserId: options.actor.userId, reason: "managed queue: list Plus conversations", ip: options.actor.ip },
    (tx) => tx.$queryRaw<TRow[]>`
      SELECT c."id" AS "conversationId", cu."id" AS "customerId", cu."name" AS "customerName",
             cu."tier"::text AS "customerTier", cu."status"::text AS "customerStatus",
             d."id" AS "dealerId", d."name" AS "dealerName", d."timeZone", d."businessHours", d."holidays",
             ct."name" AS "contactName", ch."type"::text AS "channelType", first."createdAt" AS "firstContactAt",
             sub."managedAfterMinutes", sub."managedOutsideHours"
        FROM "Customer" cu
        -- A conversation a bot is still answering is not waiting for a person (bots hand off when they must).
        JOIN "Conversation" c ON c."customerId" = cu."id" AND c."status" = 'OPEN' AND c."botId" IS NULL
        JOIN "Dealer" d ON d."id" = c."dealerId"
        JOIN "Contact" ct ON ct."id" = c."contactId"
        JOIN "Channel" ch ON ch."id" = c."channelId"
        JOIN LATERAL (
          SELECT m."createdAt" FROM "Message" m
           WHERE m."conversationId" = c."id" AND m."authorType" = 'CONTACT'
           ORDER BY m."seq" LIMIT 1) first ON true
        LEFT JOIN LATERAL (
          SELECT s."managedAfterMinutes", s."managedOutsideHours" FROM "Subscription" s
           WHERE s."customerId" = cu."id" AND s."tier" = 'PLUS' AND s."status" NOT IN ('TERMINATED', 'DELETED')
           ORDER BY s."contractDate" DESC, s."createdAt" DESC LIMIT 1) sub ON true
       WHERE cu."tier" = 'PLUS' AND cu."status" IN ('ACTIVE', 'PENDING')
         AND NOT EXISTS (
           SELECT 1 FROM "Message" r
            WHERE r."conversationId" = c."id" AND r."authorType" IN ('AGENT', 'MANAGED_AGENT')
              AND r."kind" IN ('TEXT', 'ATTACHMENT'))
       ORDER BY first."createdAt" ASC
       LIMIT ${SCAN_LIMIT}`,
  );
  const items: TManagedQueueItem[] = [];
  for (const row of rows) {
    if (!managedAgentMayAccess({ tier: row.customerTier, status: row.customerStatus })) continue;
    const settings = {
      managedAfterMinutes: row.managedAfterMinutes ?? MANAGED_DEFAULTS.managedAfterMinutes,
      managedOutsideHours: row.managedOutsideHours ?? MANAGED_DEFAULTS.managedOutsideHours,
    };
    const firstContactAt = new Date(row.firstContactAt);
    const schedule = {
      hours: parseBusinessHours(row.businessHours),
      holidays: parseHolidays(row.holidays),
      timeZone: row.timeZone,
    };
    const reasons = managedQueueReasons(settings, firstContactAt, now, isOpen(schedule, firstContactAt));
    if (reasons.length === 0) continue;
    items.push({
      conversationId: row.conversationId,
      customerId: row.customerId,
      customerName: row.customerName,
      dealerId: row.dealerId,
      dealerName: row.dealerName,
      contactName: row.contactName,
      channelType: row.channelType,
      firstContactAt: firstContactAt.toISOString(),
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - firstContactAt.getTime()) / 1000)),
      reasons,
      managedAfterMinutes: settings.managedAfterMinutes,
    });
  }
  return items;
}
