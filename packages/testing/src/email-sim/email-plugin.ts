import { existsSync, readFileSync } from "node:fs";
import nodemailer from "nodemailer";
import { z } from "zod";
import { demoEmailAddresses } from "@forecourt/db/seed-email-channels";
import { isRecord, parseJson, readBody, sendJson } from "../meta-graph/http-util";
import type { TSimulatorPlugin } from "../meta-graph/simulator/plugin";
import type { TCaughtMail } from "../smtp-sink";
import { EMAIL_PAGE_SCRIPT, EMAIL_PAGE_STYLE } from "./email-page";

/*
 * The channel simulator's "E-mail" tab: a small mail client per demo dealer. The customer writes
 * (plain text, or HTML) to the dealer's inbound address; it is sent with nodemailer over real
 * SMTP into our ingress (apps/mail-ingress), exactly as a customer's mail server would. The
 * customer's mailbox is the SMTP sink our replies go to (the start command's mail catcher, or a
 * test's SmtpSink with its HTTP page): the tab reads it and shows the replies, threaded.
 */

export type TEmailDealer = { label: string; inbound: string; from: string };

export type TEmailPluginOptions = {
  /** The demo dealers this tab writes to (read again on every request: a re-seed takes effect). */
  dealers: () => TEmailDealer[];
  /** Our SMTP ingress. */
  ingress: { host: string; port: number };
  /** The mail the customers received (the sink's /messages.json). */
  mailbox: () => Promise<TCaughtMail[]>;
};

type TSentMail = {
  id: string;
  dealer: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: boolean;
  inReplyTo: string | null;
  references: string[];
  at: string;
  /** Our ingress's answer: "250 …" or its refusal. */
  outcome: string;
};

const ZSend = z.object({
  dealer: z.string().min(1).max(200),
  name: z.string().trim().max(200).default(""),
  address: z.email().max(254),
  subject: z.string().max(500).default(""),
  text: z.string().max(100_000).default(""),
  html: z.string().max(500_000).default(""),
  /** Answering one of the dealer's replies: its Message-ID, References and Reply-To. */
  replyTo: z
    .object({
      messageId: z.string().max(1000),
      references: z.array(z.string().max(1000)).max(50),
      address: z.string().max(320),
    })
    .optional(),
});

export function createEmailPlugin(options: TEmailPluginOptions): TSimulatorPlugin {
  const sent: TSentMail[] = [];
  const dealerOf = (label: string | null) => options.dealers().find((d) => d.label === label) ?? null;

  async function send(body: z.infer<typeof ZSend>, dealer: TEmailDealer) {
    const transport = nodemailer.createTransport({
      host: options.ingress.host,
      port: options.ingress.port,
      secure: false,
      ignoreTLS: true,
      name: "mail.customer.example",
    });
    const to = body.replyTo?.address ?? dealer.inbound;
    const references = body.replyTo ? [...body.replyTo.references, body.replyTo.messageId] : [];
    const record: TSentMail = {
      id: "",
      dealer: dealer.label,
      from: body.address,
      to,
      subject: body.subject,
      text: body.text,
      html: body.html.trim() !== "",
      inReplyTo: body.replyTo?.messageId ?? null,
      references,
      at: new Date().toISOString(),
      outcome: "",
    };
    try {
      const info = await transport.sendMail({
        from: body.name ? { name: body.name, address: body.address } : body.address,
        to,
        subject: body.subject,
        text: body.text || undefined,
        html: body.html.trim() || undefined,
        inReplyTo: body.replyTo?.messageId,
        references: references.length > 0 ? references : undefined,
      });
      record.id = info.messageId;
      record.outcome = info.response;
    } catch (error) {
      const e = error as { responseCode?: number; response?: string; message: string };
      record.outcome = e.response ?? e.message;
    } finally {
      transport.close();
    }
    sent.push(record);
    return record;
  }

  return {
    name: "email",
    label: "E-mail",
    script: EMAIL_PAGE_SCRIPT,
    style: EMAIL_PAGE_STYLE,
    labels: () => options.dealers().map((d) => d.label),
    reset: () => void sent.splice(0),
    async route(req, res, url) {
      const dealer = dealerOf(url.searchParams.get("dealer"));
      if (url.pathname === "/__sim/email/mailbox" && req.method === "GET") {
        if (!dealer) return sendJson(res, 404, { error: "unknown dealer" });
        const customer = (url.searchParams.get("address") ?? "").toLowerCase();
        let received: TCaughtMail[] = [];
        try {
          received = (await options.mailbox()).filter((m) => m.to.some((t) => t.toLowerCase() === customer));
        } catch (error) {
          return sendJson(res, 200, {
            dealer,
            sent: [],
            received: [],
            error: `The mail catcher cannot be read: ${(error as Error).message}`,
          });
        }
        return sendJson(res, 200, {
          dealer,
          sent: sent.filter((m) => m.dealer === dealer.label && m.from === customer),
          received: received.map((m) => ({
            id: m.messageId,
            from: m.fromHeader,
            replyTo: m.replyTo,
            subject: m.subject,
            text: m.text,
            inReplyTo: m.inReplyTo,
            references: m.references,
            attachments: m.attachments,
            at: m.receivedAt,
          })),
        });
      }
      if (url.pathname === "/__sim/email/send" && req.method === "POST") {
        const parsed = ZSend.safeParse(parseJson(await readBody(req, 1 << 20)));
        if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues[0]?.message ?? "invalid" });
        const target = dealerOf(parsed.data.dealer);
        if (!target) return sendJson(res, 404, { error: "unknown dealer" });
        if (!parsed.data.text && !parsed.data.html) return sendJson(res, 400, { error: "Write something first." });
        return sendJson(res, 200, { mail: await send(parsed.data, target) });
      }
      return sendJson(res, 404, { error: "not found" });
    },
  };
}

/** The demo dealers with their e-mail addresses: names from the seed's simulator file, addresses from the seed. */
export function demoEmailDealers(file: string): TEmailDealer[] {
  if (!existsSync(file)) return [];
  let names: Map<string, string>;
  try {
    const parsed = parseJson(readFileSync(file)) as unknown;
    const dealers = isRecord(parsed) && Array.isArray(parsed.dealers) ? parsed.dealers : [];
    names = new Map(dealers.filter(isRecord).map((d) => [String(d.dealerId), String(d.dealerName)] as const));
  } catch {
    return [];
  }
  return demoEmailAddresses()
    .filter((d) => names.has(d.dealerId))
    .map((d) => ({ label: names.get(d.dealerId)!, inbound: d.inbound, from: d.from }));
}

/** Reads the mail catcher's (or a test sink's) /messages.json. */
export function catcherMailbox(url: string): () => Promise<TCaughtMail[]> {
  return async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as TCaughtMail[];
  };
}
