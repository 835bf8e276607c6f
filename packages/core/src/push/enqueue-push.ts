import { enqueue } from "@forecourt/jobs";
import { pushNotifyJob } from "@forecourt/jobs/inbox-jobs";
import type { TPushNotice } from "./notify-push";

/**
 * After commit. A push is a courtesy on top of the live inbox: a lost enqueue (Redis down) or a
 * failed send is not retried, since a late "new conversation" is noise.
 */
export async function enqueuePush(notice: TPushNotice): Promise<void> {
  try {
    await enqueue(pushNotifyJob, notice, { attempts: 1, removeOnComplete: { age: 600 }, removeOnFail: { age: 3_600 } });
  } catch (error) {
    console.error(`[push] could not enqueue a push for ${notice.conversationId}: ${String(error)}`);
  }
}
