/**
 * Threading keys (RFC 5322 §3.6.4). We keep Message-IDs with their angle brackets, lower-cased
 * left and right of the "@" as written (ids are compared as opaque strings; some clients change
 * only the case of the domain, so the domain part is lower-cased).
 */
const ID = /<([^<>\s]+)>/g;

export function normaliseMessageId(raw: string): string | null {
  const inside = raw.trim().replace(/^<|>$/g, "").trim();
  if (!inside || /[\s<>]/.test(inside) || inside.length > 900) return null;
  const at = inside.lastIndexOf("@");
  return at < 0 ? `<${inside}>` : `<${inside.slice(0, at)}@${inside.slice(at + 1).toLowerCase()}>`;
}

/** Every <id> in a References or In-Reply-To header, in order, without duplicates. */
export function messageIdsIn(header: string | null | undefined): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const match of header.matchAll(ID)) {
    const id = normaliseMessageId(match[1]!);
    if (id && !out.includes(id)) out.push(id);
  }
  // A bare id without brackets (some clients): take it whole.
  if (out.length === 0) {
    const id = normaliseMessageId(header);
    if (id && id.includes("@")) out.push(id);
  }
  return out;
}

/**
 * The ids to look up, most specific first: In-Reply-To, then References newest to oldest.
 * Outlook replaces In-Reply-To with an id of its own in some set-ups (Chatwoot #10028) while
 * References still holds the thread; trying every one finds the conversation either way.
 */
export function threadLookupIds(email: { inReplyTo: string[]; references: string[] }): string[] {
  const out: string[] = [];
  for (const id of [...email.inReplyTo, ...[...email.references].reverse()]) if (!out.includes(id)) out.push(id);
  return out.slice(0, 50);
}

/** The References chain of our reply: the parent's References, then the parent's own id (RFC 5322). */
export function replyReferences(parent: { messageId: string; references: string[] }): string[] {
  const chain = [...parent.references.filter((id) => id !== parent.messageId), parent.messageId];
  // Keep the first (thread root) and the newest ids when it gets long (headers have limits).
  return chain.length > 20 ? [chain[0]!, ...chain.slice(-19)] : chain;
}

const REPLY_PREFIX = /^\s*((re|fwd?|aw|wg|sv|vs|antw|doorst|tr|r)\s*(\[\d+\])?\s*:\s*)+/i;

/** A thread's subject: without Re:/Fwd:/AW:/SV:/Antw: prefixes, whitespace collapsed. */
export function baseSubject(subject: string | null | undefined): string {
  return (subject ?? "").replace(REPLY_PREFIX, "").replace(/\s+/g, " ").trim().slice(0, 300);
}

/** The subject of our reply: "Re: <thread subject>" (never "Re: Re: …"). */
export function replySubject(subject: string | null | undefined): string {
  const base = baseSubject(subject);
  return base ? `Re: ${base}` : "Re: your message";
}
