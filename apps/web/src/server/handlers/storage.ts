import { enqueueOrphanSweep } from "@forecourt/core/storage/enqueue-orphan-sweep";
import { defineHandler } from "../define-handler";

/** Provider staff: run the orphan-file sweep now (no input; Deletions → Orphan sweeps). */
export const handleRunOrphanSweepNow = defineHandler(
  { permission: "provider.queues.view", scope: "user" },
  ({ principal }) => enqueueOrphanSweep({ actor: principal }),
);
