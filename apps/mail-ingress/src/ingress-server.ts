import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/**
 * The SMTP ingress: the MX of our inbound domain (in production behind the provider's MX or a
 * relay). Deliberately thin — it speaks SMTP and nothing else; core decides:
 *
 * - RCPT TO: `checkRecipient` says whether the address (with or without a +reply token) is a
 *   connected, enabled e-mail channel's inbound address. Unknown → 550 at RCPT, so nothing is
 *   accepted that nobody reads and the sender gets an honest bounce.
 * - SIZE is announced in EHLO; a MAIL FROM declaring more is refused, and DATA beyond it is
 *   read to the end and answered 552 (smtp-server counts while the bytes stream in; we never
 *   hold more than the limit).
 * - DATA: the raw bytes go to `deliver` (core receiveEmail: parse, authenticate, dedupe, thread,
 *   store, one transaction). 250 only after it committed; a failure is 451 (temporary), so the
 *   sending server retries and the Message-ID dedupe makes the retry harmless.
 */
export type TRecipientCheck = "accept" | "unknown" | "disabled";
export type TEnvelope = { mailFrom: string; rcptTo: string[]; remoteAddress: string; helo: string };

export type TMailIngressOptions = {
  hostname: string;
  maxBytes: number;
  checkRecipient: (address: string) => Promise<TRecipientCheck>;
  deliver: (raw: Uint8Array, envelope: TEnvelope) => Promise<void>;
  /** At most this many recipients per mail (a forward names one; abuse names hundreds). */
  maxRecipients?: number;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export function createMailIngress(options: TMailIngressOptions) {
  const server = new SMTPServer({
    name: options.hostname,
    banner: "Forecourt mail ingress",
    size: options.maxBytes,
    authOptional: true,
    // No TLS certificate here: production terminates TLS at the MX in front of us.
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    maxClients: 100,
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= (options.maxRecipients ?? 20))
        return callback(smtpError(452, "4.5.3 Too many recipients"));
      options.checkRecipient(address.address).then(
        (check) =>
          check === "accept"
            ? callback()
            : check === "disabled"
              ? callback(smtpError(550, "5.2.1 Mailbox disabled"))
              : callback(smtpError(550, "5.1.1 No such recipient here")),
        (error: unknown) => {
          console.error("[mail-ingress] recipient check failed", error);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        },
      );
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > options.maxBytes)
          return callback(smtpError(552, `5.3.4 Message too big (at most ${options.maxBytes} bytes)`));
        const envelope: TEnvelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          remoteAddress: session.remoteAddress,
          helo: session.hostNameAppearsAs ?? "",
        };
        options.deliver(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: unknown) => {
            const code = (error as { smtpCode?: number }).smtpCode;
            if (code && code >= 500) return callback(smtpError(code, (error as Error).message));
            console.error("[mail-ingress] delivery failed", error);
            callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });
  return {
    server,
    listen(port: number, host = "127.0.0.1"): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.server.address() as AddressInfo).port));
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
