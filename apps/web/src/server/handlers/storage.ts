import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { ForbiddenError } from "@forecourt/core/errors";
import { enqueueOrphanSweep } from "@forecourt/core/storage/enqueue-orphan-sweep";
import { sessionCan } from "../principal";
import { refuse } from "./chat-result";
import type { THandlerResult } from "./result";

/** Provider staff: run the orphan-file sweep now (no input; Deletions → Orphan sweeps). */
export async function handleRunOrphanSweepNow(
  session: TSessionContext | null,
): Promise<THandlerResult<{ jobId: string }>> {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  if (!sessionCan(session, "provider.queues.view")) return refuse(403, "forbidden", "forbidden");
  try {
    const { jobId } = await enqueueOrphanSweep({
      actor: { userId: session.user.id, providerRole: session.user.providerRole },
    });
    return { ok: true, data: { jobId } };
  } catch (error) {
    if (error instanceof ForbiddenError) return refuse(403, "forbidden", "forbidden");
    throw error;
  }
}
