import { createHmac } from "node:crypto";
import { getConfig } from "@forecourt/config";
import { withTenant } from "@forecourt/db";
import { ZLeadData, ZLeadFormKind } from "@forecourt/protocol";
import { decryptSecret } from "../crypto/secret-box";
import { sendMail } from "../mail/send-mail";
import { postWebhook } from "../webhooks/post-webhook";
import { buildAdf } from "./build-adf";

/** Thrown for BullMQ to retry with the webhook backoff (SMTP trouble, a 5xx, 408, 429, a time-out). */
export class LeadDeliveryRetryError extends Error {
  override name = "LeadDeliveryRetryError";
}

export type TLeadDeliveryOutcome = "delivered" | "skipped" | "failed";

/** The platform's name in ADF's <provider>. */
export const ADF_PROVIDER_NAME = "Forecourt";

/** The HTTP target's signature header: HMAC-SHA256 of the body with the dealer's secret, hex. */
export function signLead(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/**
 * The export job (docs/leads.md): builds the lead's ADF/XML from the database now and sends it to
 * one target: by e-mail (the platform's SMTP; the ADF is the plain-text body, as CRMs read it)
 * or by HTTP POST (application/xml, through the webhooks' SSRF-safe sender, signed when the
 * dealer set a secret). Success: DELIVERED. A refused target or a 4xx other than 408/429:
 * FAILED, not retried (permanent). Anything else throws for the backoff until the last attempt,
 * then FAILED. Each attempt is logged on the delivery (attempts, last error, time). A delivery
 * that is not PENDING, or whose lead is gone (purged, erased), sends nothing.
 */
export async function deliverLead(options: {
  customerId: string;
  deliveryId: string;
  attempt: number;
  maxAttempts: number;
  allowPrivateTargets?: boolean;
  timeoutMs?: number;
}): Promise<TLeadDeliveryOutcome> {
  const config = getConfig();
  const { customerId, deliveryId } = options;
  const loaded = await withTenant(customerId, (tx) =>
    tx.leadDelivery.findFirst({
      where: { id: deliveryId, customerId },
      include: {
        lead: {
          include: {
            dealer: { select: { name: true, leadExportTarget: { select: { secretEncrypted: true } } } },
          },
        },
      },
    }),
  );
  if (!loaded || loaded.status !== "PENDING") return "skipped";
  const { lead } = loaded;
  const xml = buildAdf({
    id: lead.id,
    kind: ZLeadFormKind.parse(lead.kind),
    createdAt: lead.createdAt,
    data: ZLeadData.parse(lead.data),
    dealerName: lead.dealer.name,
    providerName: ADF_PROVIDER_NAME,
  });
  const last = options.attempt >= options.maxAttempts;
  let problem: { message: string; permanent: boolean } | null = null;
  if (loaded.target === "EMAIL") {
    try {
      await sendMail({
        to: loaded.destination,
        subject: `ADF lead: ${ZLeadData.parse(lead.data).formName} (${lead.dealer.name})`,
        text: xml,
      });
    } catch (error) {
      problem = { message: `SMTP: ${(error as Error).message}`.slice(0, 300), permanent: false };
    }
  } else {
    const secret = lead.dealer.leadExportTarget?.secretEncrypted;
    const outcome = await postWebhook({
      url: loaded.destination,
      body: xml,
      timeoutMs: options.timeoutMs ?? config.WEBHOOK_TIMEOUT_MS,
      allowPrivateTargets: options.allowPrivateTargets ?? config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      headers: {
        "content-type": "application/xml; charset=utf-8",
        "user-agent": "Forecourt-Leads/1",
        "x-forecourt-lead-id": lead.id,
        ...(secret ? { "x-forecourt-signature": signLead(decryptSecret(secret), xml) } : {}),
      },
    });
    if (outcome.kind === "refused") problem = { message: `refused: ${outcome.reason}`, permanent: true };
    else if (outcome.kind === "error") problem = { message: outcome.reason, permanent: false };
    else if (outcome.status < 200 || outcome.status >= 300) {
      const retryable = outcome.status >= 500 || outcome.status === 408 || outcome.status === 429;
      problem = {
        message: `HTTP ${outcome.status}${outcome.excerpt ? `: ${outcome.excerpt}` : ""}`.slice(0, 300),
        permanent: !retryable,
      };
    }
  }
  if (!problem) {
    await record(customerId, deliveryId, "DELIVERED", null);
    return "delivered";
  }
  if (problem.permanent || last) {
    await record(customerId, deliveryId, "FAILED", problem.message);
    return "failed";
  }
  await record(customerId, deliveryId, "PENDING", problem.message);
  throw new LeadDeliveryRetryError(problem.message);
}

async function record(
  customerId: string,
  deliveryId: string,
  status: "PENDING" | "DELIVERED" | "FAILED",
  lastError: string | null,
) {
  const now = new Date();
  await withTenant(customerId, (tx) =>
    tx.leadDelivery.updateMany({
      where: { id: deliveryId, customerId, status: "PENDING" },
      data: {
        status,
        attempts: { increment: 1 },
        lastAttemptAt: now,
        lastError,
        ...(status === "DELIVERED" ? { deliveredAt: now } : {}),
      },
    }),
  );
}
