import { withSystemAccess } from "@forecourt/db";
import { utcDay } from "./cutoff";

const RETENTION_JOB = "retention.daily";

/**
 * What the daily retention run has to do on `now`'s day: every customer not yet deleted gets
 * its statistics and its purge; customers whose deletion date has come get deleted. Reads
 * across tenants through the platform's system path (no user acts).
 */
export async function listRetentionWork(options: { now: Date }): Promise<{ purge: string[]; delete: string[] }> {
  const today = new Date(`${utcDay(options.now)}T00:00:00Z`);
  return withSystemAccess({ job: RETENTION_JOB }, async (tx) => {
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
