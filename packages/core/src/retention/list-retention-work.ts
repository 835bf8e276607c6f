import { withProviderAccess } from "@forecourt/db";
import { utcDay } from "./cutoff";
import { SYSTEM_ACTOR_ID } from "./system-actor";

/**
 * What the daily retention run has to do on `now`'s day: every customer not yet deleted gets
 * its statistics and its purge; customers whose deletion date has come get deleted. Reads
 * across tenants through the audited provider path, as the system.
 */
export async function listRetentionWork(options: { now: Date }): Promise<{ purge: string[]; delete: string[] }> {
  const today = new Date(`${utcDay(options.now)}T00:00:00Z`);
  return withProviderAccess({ actorUserId: SYSTEM_ACTOR_ID, reason: "retention: daily run" }, async (tx) => {
    const customers = await tx.customer.findMany({
      where: { status: { not: "DELETED" } },
      select: { id: true, deletionDate: true },
      orderBy: { createdAt: "asc" },
    });
    return {
      purge: customers.map((c) => c.id),
      delete: customers.filter((c) => c.deletionDate && c.deletionDate <= today).map((c) => c.id),
    };
  });
}
