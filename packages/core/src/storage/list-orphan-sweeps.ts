import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import type { TSweepCounts } from "./sweep-orphan-files";

export type TOrphanSweepRow = TSweepCounts & {
  id: string;
  trigger: string;
  state: string;
  graceHours: number;
  startedAt: Date;
  finishedAt: Date | null;
  removedByTenant: Record<string, { files: number; bytes: number }>;
  removedKeys: string[];
  error: string | null;
};

/** Provider console → Deletions → Orphan sweeps: the latest sweep runs, newest first. Audited. */
export async function listOrphanSweeps(options: { actor: TUserPrincipal; take?: number }): Promise<TOrphanSweepRow[]> {
  assertProvider(options.actor, "provider.queues.view");
  const rows = await withProviderAccess(
    { actorUserId: options.actor.userId, reason: "provider console: orphan sweeps" },
    (tx) => tx.storageSweep.findMany({ orderBy: { startedAt: "desc" }, take: options.take ?? 50 }),
  );
  return rows.map((r) => ({
    ...r,
    bytesRemoved: Number(r.bytesRemoved),
    removedByTenant: (r.removedByTenant ?? {}) as TOrphanSweepRow["removedByTenant"],
  }));
}
