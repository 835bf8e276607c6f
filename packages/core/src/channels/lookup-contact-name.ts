import { ChannelSendError } from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { enqueue } from "@forecourt/jobs";
import { lookupContactNameJob, lookupNameJobId } from "@forecourt/jobs/channel-jobs";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { driverFor } from "./drivers";

/*
 * A new contact whose webhook carried no name (Messenger sends only the page-scoped id) gets its
 * name from the channel (the User Profile API) in a job, so the webhook is answered at once and
 * the inbox shows "Lotte de Vries" instead of an id. A name someone typed is never overwritten.
 */

export function channelLooksUpNames(type: Parameters<typeof driverFor>[0]): boolean {
  return Boolean(driverFor(type)?.lookupName);
}

/** After commit; Redis down: the contact keeps no name (an agent can type it). */
export async function enqueueNameLookup(customerId: string, contactId: string, channelId: string): Promise<void> {
  try {
    await enqueue(
      lookupContactNameJob,
      { customerId, contactId, channelId },
      {
        jobId: lookupNameJobId(contactId),
        attempts: 3,
        backoff: { type: "exponential", delay: 2_000 },
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 86_400 },
      },
    );
  } catch (error) {
    console.error(`[channels] could not enqueue the name lookup of ${contactId}: ${String(error)}`);
  }
}

/** The job. */
export async function lookupContactName(options: { customerId: string; contactId: string; channelId: string }) {
  const loaded = await withTenant(options.customerId, async (tx) => ({
    contact: await tx.contact.findUnique({ where: { id: options.contactId }, include: { identities: true } }),
    channel: await tx.channel.findUnique({ where: { id: options.channelId } }),
  }));
  const { contact, channel } = loaded;
  const driver = channel && driverFor(channel.type);
  if (!contact || contact.name || !channel || !driver?.lookupName || channel.status !== "ACTIVE")
    return "skipped" as const;
  let name: string | null;
  try {
    name = await driver.lookupName(
      channel,
      contact.identities.filter((i) => i.channelType === channel.type),
    );
  } catch (error) {
    if (error instanceof ChannelSendError && error.failure.retryable) throw error;
    console.warn(`[channels] name lookup of ${options.contactId} refused: ${String(error)}`);
    return "failed" as const;
  }
  if (!name) return "skipped" as const;
  const summaries = await withTenant(options.customerId, async (tx) => {
    // Only if still nameless: an agent may have typed one meanwhile.
    const updated = await tx.contact.updateMany({ where: { id: contact.id, name: null }, data: { name } });
    if (updated.count === 0) return [];
    const conversations = await tx.conversation.findMany({
      where: { contactId: contact.id, channelId: channel.id },
      select: { id: true },
    });
    return Promise.all(conversations.map((c) => conversationSummary(tx, c.id)));
  });
  for (const summary of summaries) if (summary) publishConversation(summary);
  return "named" as const;
}
