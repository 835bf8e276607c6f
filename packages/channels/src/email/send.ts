import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { ChannelSendError } from "../types";

/** The SMTP relay our replies go through (SMTP_HOST/SMTP_PORT; the demo's mail catcher). */
export type TSmtpRelay = { host: string; port: number; user?: string; password?: string; timeoutMs: number };

export type TOutboundEmail = {
  from: { name: string; address: string };
  to: string;
  replyTo: string;
  subject: string;
  /** Ours, "<uuid@inbound domain>": stored as the message's external id, threads the answer. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  /** The HTML part when the sender built one (escaped, see core's renderMail); else the text, escaped. */
  html?: string;
  attachments: { fileName: string; mimeType: string; bytes: Uint8Array }[];
};

export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain.toLowerCase()}>`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The HTML part of a reply written as plain text: escaped, line breaks kept, links left as text. */
export function htmlOfPlainText(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
  return `<!doctype html><html><body style="font:14px/1.5 Arial,sans-serif;color:#18181b">${paragraphs}</body></html>`;
}

/**
 * Sends one reply through the relay with nodemailer: our Message-ID, In-Reply-To and the full
 * References chain (so the customer's client threads it), Reply-To with the reply token, plain
 * text and HTML parts, files. 5xx answers are permanent (never retried); 4xx, time-outs and
 * refused connections are retried by the delivery job.
 */
export async function sendEmail(relay: TSmtpRelay, mail: TOutboundEmail): Promise<{ externalId: string }> {
  const transport = nodemailer.createTransport({
    host: relay.host,
    port: relay.port,
    secure: false,
    ignoreTLS: !relay.user,
    auth: relay.user ? { user: relay.user, pass: relay.password ?? "" } : undefined,
    connectionTimeout: relay.timeoutMs,
    greetingTimeout: relay.timeoutMs,
    socketTimeout: relay.timeoutMs,
  });
  try {
    await transport.sendMail({
      from: { name: mail.from.name, address: mail.from.address },
      to: mail.to,
      replyTo: mail.replyTo,
      subject: mail.subject,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo ?? undefined,
      references: mail.references.length > 0 ? mail.references.join(" ") : undefined,
      text: mail.text,
      html: mail.html ?? htmlOfPlainText(mail.text),
      headers: { "Auto-Submitted": "no" },
      attachments: mail.attachments.map((a) => ({
        filename: a.fileName,
        contentType: a.mimeType,
        content: Buffer.from(a.bytes),
      })),
    });
    return { externalId: mail.messageId };
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string };
    const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
    throw new ChannelSendError(
      {
        code: permanent ? "email_rejected" : "email_relay_unavailable",
        message: permanent
          ? `The mail server refused the reply (${e.responseCode}): ${(e.message ?? "").slice(0, 200)}`
          : `The mail server could not be reached (${e.code ?? "error"}); trying again.`,
        retryable: !permanent,
      },
      e.responseCode ?? null,
    );
  } finally {
    transport.close();
  }
}
