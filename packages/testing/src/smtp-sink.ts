import { createServer, type Server } from "node:http";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

/**
 * One received e-mail as the tests and the catcher page (and the channel simulator's mail
 * client, which plays the customer's mailbox) see it, parsed with postal-mime.
 */
export type TCaughtMail = {
  id: number;
  from: string;
  /** The From header as written ("Name <address>"). */
  fromHeader: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  replyTo: string | null;
  attachments: { fileName: string; mimeType: string; sizeBytes: number }[];
  receivedAt: string;
};

async function parse(raw: Buffer, envelope: { from: string; to: string[] }, id: number): Promise<TCaughtMail> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
  const address = (a: { name?: string; address?: string } | undefined) =>
    a?.address ? (a.name ? `${a.name} <${a.address}>` : a.address) : "";
  return {
    id,
    from: envelope.from,
    fromHeader: address(mail.from as { name?: string; address?: string } | undefined),
    to: envelope.to,
    subject: mail.subject ?? "",
    text: (mail.text ?? "").replace(/\r\n/g, "\n"),
    html: mail.html ?? null,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: (mail.references ?? "").split(/\s+/).filter(Boolean),
    replyTo: mail.replyTo?.[0] ? address(mail.replyTo[0] as { name?: string; address?: string }) : null,
    attachments: mail.attachments.map((a) => ({
      fileName: a.filename ?? "",
      mimeType: a.mimeType,
      sizeBytes: typeof a.content === "string" ? a.content.length : (a.content as ArrayBuffer).byteLength,
    })),
    receivedAt: new Date().toISOString(),
  };
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives in memory: the tests' stand-in
 * for a mail relay, and (with an HTTP page) the start command's local mail catcher.
 */
export class SmtpSink {
  readonly mails: TCaughtMail[] = [];
  private server: SMTPServer;
  private http?: Server;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          parse(Buffer.concat(chunks), envelope, this.mails.length + 1).then(
            (mail) => {
              this.mails.push(mail);
              for (const wake of this.waiters.splice(0)) wake();
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  listen(port: number, host = "127.0.0.1"): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  /** The newest mail to `address` matching `predicate`, waiting until it arrives. */
  async waitFor(address: string, predicate: (mail: TCaughtMail) => boolean = () => true, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.mails]
        .reverse()
        .find((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()) && predicate(m));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${address} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** A small web page (and /messages.json) listing received mail, newest first. */
  listenHttp(port: number, host = "127.0.0.1"): Promise<void> {
    this.http = createServer((request, response) => {
      const newest = [...this.mails].reverse();
      // The HTML part on its own, as a mail client would show it: no scripts, no outside requests.
      const part = /^\/messages\/(\d+)\.html$/.exec(request.url ?? "");
      if (part) {
        const mail = this.mails.find((m) => m.id === Number(part[1]));
        if (!mail?.html) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
        });
        response.end(mail.html);
        return;
      }
      if (request.url?.startsWith("/messages.json")) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(newest));
        return;
      }
      const escape = (s: string) =>
        s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
      const items = newest
        .map(
          (m) =>
            `<article><h2>${escape(m.subject)}</h2><p class="meta">to ${escape(m.to.join(", "))} · ${escape(m.receivedAt)}${m.html ? ` · <a href="/messages/${m.id}.html">HTML part</a>` : ""}</p><pre>${escape(m.text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</pre></article>`,
        )
        .join("");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(
        `<!doctype html><meta charset="utf-8"><title>Forecourt mail catcher</title><meta http-equiv="refresh" content="5"><style>body{font:14px system-ui;max-width:48rem;margin:2rem auto;color:#18181b}article{border:1px solid #e4e4e7;border-radius:.75rem;padding:1rem;margin:1rem 0}h2{font-size:15px;margin:0}.meta{color:#71717a;font-size:12px}pre{white-space:pre-wrap}</style><h1>Mail catcher</h1><p>${newest.length} message(s); refreshes every 5 s.</p>${items}`,
      );
    });
    return new Promise((resolve) => this.http!.listen(port, host, () => resolve()));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.http) await new Promise<void>((resolve) => this.http!.close(() => resolve()));
  }
}
