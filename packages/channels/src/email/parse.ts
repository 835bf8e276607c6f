import { createHash } from "node:crypto";
import PostalMime, { type Address, type Email } from "postal-mime";
import { splitQuotedText } from "./quoted-text";
import { textFromHtml } from "./sanitize";
import { baseSubject, messageIdsIn, normaliseMessageId } from "./threading";

export type TMailbox = { name: string | null; address: string };

export type TEmailAttachment = {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Set for a part its HTML shows inline (cid:), without the angle brackets. */
  contentId: string | null;
  inline: boolean;
};

/** An inbound e-mail, normalised: what core stores and threads by. `html` is NOT sanitised yet. */
export type TInboundEmail = {
  messageId: string;
  /** True when the mail had no Message-ID and we derived one from its bytes (dedupe still works). */
  messageIdDerived: boolean;
  from: TMailbox;
  replyTo: TMailbox[];
  to: TMailbox[];
  cc: TMailbox[];
  subject: string;
  /** Without Re:/Fwd: (a new conversation's subject). */
  threadSubject: string;
  date: Date | null;
  inReplyTo: string[];
  references: string[];
  /** The whole plain text (from the HTML when there is no text part). */
  text: string;
  /** What the sender wrote now, and the quoted rest / signature folded away in the inbox. */
  mainText: string;
  foldedText: string;
  html: string | null;
  attachments: TEmailAttachment[];
  /** Auto-replies and bounces (RFC 3834 Auto-Submitted, Precedence): recorded, never answered automatically. */
  autoSubmitted: boolean;
};

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function mailboxes(list: Address[] | Address | undefined): TMailbox[] {
  const flat: TMailbox[] = [];
  for (const item of Array.isArray(list) ? list : list ? [list] : []) {
    for (const box of item.group ?? [item]) {
      const address = (box.address ?? "").trim().toLowerCase();
      if (ADDRESS.test(address)) flat.push({ name: box.name?.trim() || null, address });
    }
  }
  return flat.slice(0, 100);
}

function header(email: Email, key: string): string {
  return email.headers.find((h) => h.key === key)?.value ?? "";
}

/** Parses raw RFC 5322 bytes (postal-mime). Throws only on bytes that are not a mail at all. */
export async function parseInboundEmail(raw: Uint8Array): Promise<TInboundEmail> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer", maxNestingDepth: 64 });
  const from = mailboxes(email.from)[0] ?? mailboxes(email.sender)[0];
  if (!from) throw new Error("The mail has no usable From address");
  const parsedId = normaliseMessageId(email.messageId ?? "");
  const messageId =
    parsedId ?? `<sha256-${createHash("sha256").update(raw).digest("hex").slice(0, 40)}@forecourt.invalid>`;
  const text = (email.text?.trim() ? email.text : email.html ? textFromHtml(email.html) : "").replaceAll("\u0000", "");
  const split = splitQuotedText(text);
  const subject = (email.subject ?? "").replace(/\s+/g, " ").trim().slice(0, 500);
  const date = email.date ? new Date(email.date) : null;
  const autoSubmitted =
    /^auto-/i.test(header(email, "auto-submitted")) ||
    /^(bulk|junk|list|auto_reply)$/i.test(header(email, "precedence"));
  return {
    messageId,
    messageIdDerived: parsedId === null,
    from,
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    subject,
    threadSubject: baseSubject(subject),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    inReplyTo: messageIdsIn(email.inReplyTo),
    references: messageIdsIn(email.references),
    text,
    mainText: split.main,
    foldedText: split.folded,
    html: email.html?.trim() ? email.html : null,
    attachments: email.attachments.map((a, index) => {
      const bytes =
        typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content as ArrayBuffer);
      const contentId = a.contentId ? a.contentId.replace(/^<|>$/g, "").trim() || null : null;
      return {
        fileName: (a.filename ?? "").trim() || `attachment-${index + 1}`,
        mimeType: (a.mimeType || "application/octet-stream").toLowerCase(),
        bytes,
        contentId,
        inline: contentId !== null && (a.disposition === "inline" || a.related === true || a.disposition === null),
      };
    }),
    autoSubmitted,
  };
}
