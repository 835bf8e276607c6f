import type { TGraphContext } from "./context";
import { GRAPH_ERRORS } from "./graph-error";
import { sleep } from "./http-util";
import {
  messengerDeliveryEvent,
  messengerEchoEvent,
  messengerEnvelope,
  messengerReadEvent,
  whatsappChange,
  whatsappEnvelope,
  whatsappStatus,
  type TWhatsAppStatusSpec,
} from "./payloads";
import type { TPostResult } from "./webhooks";
import type { TMessengerPage, TSentMessage, TWhatsAppAccount } from "./types";

/*
 * Status callbacks for what the stand-in accepted: WhatsApp `statuses[]` (sent, delivered, read,
 * played, failed with errors[]) and Messenger echoes, delivery and read watermarks.
 */

export type TStatusInput = {
  /** The wamid of a message the stand-in accepted (or any id, with `phoneNumberId`). */
  id: string;
  status: TWhatsAppStatusSpec["status"];
  /** Needed only for an id the stand-in did not send. */
  phoneNumberId?: string;
  errors?: { code: number; title?: string; message?: string; details?: string }[];
  timestamp?: number;
};

function statusSpec(ctx: TGraphContext, input: TStatusInput, sent: TSentMessage | undefined): TWhatsAppStatusSpec {
  const to = sent?.to ?? null;
  const identity = to ? ctx.state.identityOf(to) : null;
  const isBsuid = to !== null && !/^\d+$/.test(to);
  return {
    id: input.id,
    status: input.status,
    recipientId: isBsuid ? (identity?.waId ?? null) : to,
    recipientUserId: isBsuid ? to : (identity?.bsuid ?? null),
    timestamp: input.timestamp,
    errors: input.errors?.map((e) => {
      const known = GRAPH_ERRORS[e.code];
      const title = e.title ?? known?.title ?? "Error";
      return { code: e.code, title, message: e.message ?? title, details: e.details ?? known?.details ?? title };
    }),
  };
}

function accountFor(ctx: TGraphContext, input: TStatusInput, sent: TSentMessage | undefined): TWhatsAppAccount {
  const accountId = sent?.accountId ?? input.phoneNumberId;
  const account = accountId ? ctx.state.whatsapp.get(accountId) : undefined;
  if (!account) throw new Error(`meta-graph: no WhatsApp number for status of ${input.id} (pass phoneNumberId)`);
  return account;
}

/**
 * Posts statuses. By default each in its own webhook, in the order given (pass them out of
 * order to test that); `together` puts all of one number's statuses in one payload.
 */
export async function postWhatsAppStatuses(
  ctx: TGraphContext,
  inputs: TStatusInput[],
  options: { together?: boolean } = {},
): Promise<TPostResult[]> {
  const prepared = inputs.map((input) => {
    const sent = ctx.state.findSent(input.id);
    return { input, account: accountFor(ctx, input, sent), spec: statusSpec(ctx, input, sent) };
  });
  const results: TPostResult[] = [];
  const groups: (typeof prepared)[] = [];
  if (options.together) {
    const byNumber = new Map<string, typeof prepared>();
    for (const p of prepared)
      byNumber.set(p.account.phoneNumberId, [...(byNumber.get(p.account.phoneNumberId) ?? []), p]);
    groups.push(...byNumber.values());
  } else groups.push(...prepared.map((p) => [p]));
  for (const group of groups) {
    const account = group[0]!.account;
    for (const p of group) {
      const error = p.spec.errors?.[0];
      ctx.state.advance(p.input.id, p.input.status, error ? `${error.details} (${error.code})` : null);
    }
    if (!account.webhookUrl) continue;
    const payload = whatsappEnvelope([
      {
        wabaId: account.wabaId,
        changes: [whatsappChange(account, { statuses: group.map((p) => whatsappStatus(p.spec)) })],
      },
    ]);
    results.push(await ctx.poster.post(account.webhookUrl, account.appSecret, payload));
  }
  return results;
}

/** Demo mode after a WhatsApp send: `sent`, then `delivered`, a moment apart. */
export function autoWhatsAppStatuses(ctx: TGraphContext, sent: TSentMessage) {
  if (!ctx.options.autoStatuses) return;
  ctx.background(async () => {
    await sleep(ctx.options.autoStatusDelayMs);
    await postWhatsAppStatuses(ctx, [{ id: sent.id, status: "sent" }]);
    await sleep(ctx.options.autoStatusDelayMs * 2);
    if (ctx.state.findSent(sent.id)?.status === "sent")
      await postWhatsAppStatuses(ctx, [{ id: sent.id, status: "delivered" }]);
  });
}

/** Meta's asynchronous refusal of an accepted send (e.g. 131047, 131053): a `failed` status. */
export function failLater(
  ctx: TGraphContext,
  sent: TSentMessage,
  error: { code: number; title?: string; details?: string },
) {
  ctx.background(async () => {
    await sleep(Math.min(ctx.options.autoStatusDelayMs, 100));
    await postWhatsAppStatuses(ctx, [{ id: sent.id, status: "failed", errors: [error] }]);
  });
}

export async function postMessengerEvents(ctx: TGraphContext, page: TMessengerPage, events: unknown[]) {
  if (!page.webhookUrl) return null;
  return ctx.poster.post(
    page.webhookUrl,
    page.appSecret,
    messengerEnvelope([{ pageId: page.pageId, messaging: events }]),
  );
}

/** Messenger receipts: everything sent to this person before the watermark is delivered/read. */
export async function postMessengerReceipt(
  ctx: TGraphContext,
  input: { pageId: string; psid: string; kind: "delivery" | "read"; watermark?: number; mids?: string[] },
) {
  const page = ctx.state.messenger.get(input.pageId);
  if (!page) throw new Error(`meta-graph: no Messenger page ${input.pageId}`);
  const watermark = input.watermark ?? ctx.state.now();
  const status = input.kind === "delivery" ? "delivered" : "read";
  for (const m of ctx.state.sentLog)
    if (
      m.channel === "messenger" &&
      m.accountId === page.pageId &&
      m.to === input.psid &&
      Date.parse(m.at) <= watermark
    )
      ctx.state.advance(m.id, status);
  const event =
    input.kind === "delivery"
      ? messengerDeliveryEvent({ pageId: page.pageId, psid: input.psid, watermark, mids: input.mids })
      : messengerReadEvent({ pageId: page.pageId, psid: input.psid, watermark });
  return postMessengerEvents(ctx, page, [event]);
}

/** Demo mode after a Messenger send: the echo (message_echoes), then a delivery receipt. */
export function autoMessengerReceipts(ctx: TGraphContext, page: TMessengerPage, sent: TSentMessage) {
  if (!ctx.options.autoStatuses) return;
  ctx.background(async () => {
    await sleep(ctx.options.autoStatusDelayMs);
    const attachment = sent.media
      ? [
          {
            type: (sent.type === "file" ? "file" : sent.type) as "image" | "audio" | "video" | "file",
            url: `${ctx.baseUrl()}/__cdn/${sent.media.id}?oh=${ctx.state.cdnSignature(sent.media.id)}`,
          },
        ]
      : undefined;
    await postMessengerEvents(ctx, page, [
      messengerEchoEvent({
        pageId: page.pageId,
        psid: sent.to,
        mid: sent.id,
        appId: ctx.options.appId,
        text: sent.media ? undefined : (sent.text ?? undefined),
        attachments: attachment,
      }),
    ]);
    await sleep(ctx.options.autoStatusDelayMs * 2);
    await postMessengerReceipt(ctx, { pageId: page.pageId, psid: sent.to, kind: "delivery", mids: [sent.id] });
  });
}
