import { z } from "zod";
import { defineJob } from "./define-job";

/**
 * The orphan-file sweep (docs/retention.md): deletes files in the storage folder that no
 * Attachment row references, once older than STORAGE_ORPHAN_GRACE_HOURS. Runs on the retention
 * queue, daily after the purges, or when provider support presses "Run orphan sweep now". The
 * payload says only who asked for it; what it removed is recorded in Postgres (StorageSweep).
 */
export const orphanSweepJob = defineJob({
  name: "storage.sweep-orphans",
  queue: "retention",
  payload: z.object({ trigger: z.enum(["schedule", "manual"]).default("schedule") }),
});

/** Daily at 03:45 (server time), after the retention run of 02:15 has fanned out its purges. */
export const ORPHAN_SWEEP_SCHEDULE = { pattern: "45 3 * * *" } as const;
