import { enqueue } from "@forecourt/jobs";
import { botReplyJob, botReplyJobId } from "@forecourt/jobs/inbox-jobs";

/** After commit. Redis down: this message goes unanswered by the bot (the agent still sees it). */
export async function enqueueBotReply(customerId: string, conversationId: string, messageId: string): Promise<void> {
  try {
    await enqueue(
      botReplyJob,
      { customerId, conversationId, messageId },
      {
        jobId: botReplyJobId(messageId),
        attempts: 5,
        backoff: { type: "exponential", delay: 2_000 },
        removeOnComplete: { age: 3_600 },
        removeOnFail: { age: 86_400 },
      },
    );
  } catch (error) {
    console.error(`[bots] could not enqueue the bot reply to ${messageId}: ${String(error)}`);
  }
}
