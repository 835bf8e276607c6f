import { enqueue } from "@forecourt/jobs";
import { routeConversationJob, routeJobId } from "@forecourt/jobs/inbox-jobs";

/**
 * After commit. Redis down: the sweep (route-unrouted-conversations.ts) routes the conversation
 * within a minute, so a lost enqueue delays routing but never skips it.
 */
export async function enqueueRouting(
  customerId: string,
  conversationId: string,
  trigger: "started" | "transferred",
): Promise<void> {
  try {
    await enqueue(
      routeConversationJob,
      { customerId, conversationId, trigger },
      {
        jobId: routeJobId(conversationId, trigger),
        attempts: 5,
        backoff: { type: "exponential", delay: 1_000 },
        removeOnComplete: { age: 3_600 },
        removeOnFail: { age: 86_400 },
      },
    );
  } catch (error) {
    console.error(`[routing] could not enqueue routing of ${conversationId}: ${String(error)}`);
  }
}
