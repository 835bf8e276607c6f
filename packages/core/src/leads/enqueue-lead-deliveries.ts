import type { TTx } from "@forecourt/db";
import { queue } from "@forecourt/jobs";
import { deliverLeadJob, leadJobId } from "@forecourt/jobs/lead-jobs";
import { webhookRetry } from "@forecourt/jobs/webhook-jobs";

/** One LeadDelivery per target the dealer set (CRM e-mail, CRM URL), in the lead's transaction. */
export async function createLeadDeliveries(
  tx: TTx,
  customerId: string,
  dealerId: string,
  leadId: string,
): Promise<string[]> {
  const target = await tx.leadExportTarget.findUnique({ where: { dealerId } });
  if (!target) return [];
  const rows: { target: "EMAIL" | "HTTP"; destination: string }[] = [];
  if (target.crmEmail) rows.push({ target: "EMAIL", destination: target.crmEmail });
  if (target.crmUrl) rows.push({ target: "HTTP", destination: target.crmUrl });
  const ids: string[] = [];
  for (const row of rows)
    ids.push((await tx.leadDelivery.create({ data: { customerId, leadId, ...row }, select: { id: true } })).id);
  return ids;
}

/**
 * One job per delivery (job id from the delivery id: a second enqueue while it exists is a
 * no-op), with the webhook retries and backoff. If Redis is down the delivery stays PENDING and
 * the sweep (requeue-lost-lead-deliveries.ts) queues it again.
 */
export async function enqueueLeadDeliveries(customerId: string, deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  try {
    await queue(deliverLeadJob.queue).addBulk(
      deliveryIds.map((deliveryId) => ({
        name: deliverLeadJob.name,
        data: deliverLeadJob.payload.parse({ customerId, deliveryId }),
        opts: { jobId: leadJobId(deliveryId), ...webhookRetry(), removeOnComplete: 1000, removeOnFail: 5000 },
      })),
    );
  } catch (error) {
    console.error(`[leads] could not enqueue ${deliveryIds.length} lead deliveries: ${String(error)}`);
  }
}

/** The job again (Retry in the delivery log): a finished job under the same id is removed first. */
export async function enqueueLeadRedelivery(customerId: string, deliveryId: string): Promise<"queued" | "busy"> {
  const existing = await queue(deliverLeadJob.queue).getJob(leadJobId(deliveryId));
  if (existing) {
    const state = await existing.getState();
    if (state === "active" || state === "waiting" || state === "delayed" || state === "prioritized") return "busy";
    await existing.remove();
  }
  await enqueueLeadDeliveries(customerId, [deliveryId]);
  return "queued";
}
