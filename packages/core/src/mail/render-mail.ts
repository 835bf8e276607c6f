import escapeHtml from "escape-html";
import { IntlMessageFormat } from "intl-messageformat";
import da from "./messages/da.json" with { type: "json" };
import de from "./messages/de.json" with { type: "json" };
import en from "./messages/en.json" with { type: "json" };
import nl from "./messages/nl.json" with { type: "json" };

/**
 * Every e-mail the product writes, in the recipient's language (docs/accounts.md, "E-mail"):
 * the texts are ICU messages in `messages/<locale>.json`; `renderMail` turns a kind, a locale and
 * its values into a subject, a plain-text part and an HTML part built from the same blocks.
 * Every value (names, message bodies, URLs) is formatted as text first and escaped once when it
 * goes into HTML; the catalogs hold no markup.
 */
export const MAIL_LOCALES = ["en", "nl", "da", "de"] as const;
export type TMailLocale = (typeof MAIL_LOCALES)[number];

export type TMailCatalog = typeof en;
export const MAIL_CATALOGS: Record<TMailLocale, TMailCatalog> = { en, nl, da, de };

/** The language tag dates and numbers are formatted with (31/12/2026 in en-GB, as in the app). */
export const MAIL_INTL_LOCALE: Record<TMailLocale, string> = { en: "en-GB", nl: "nl-NL", da: "da-DK", de: "de-DE" };

/** A stored locale or language (a user's locale, a conversation's language) as a mail locale; English when unknown. */
export function mailLocaleOf(value: string | null | undefined): TMailLocale {
  return (MAIL_LOCALES as readonly string[]).includes(value ?? "") ? (value as TMailLocale) : "en";
}

export type TTranscriptLine = { at: Date; /** null: the contact, shown as "You". */ who: string | null; text: string };

/** The values each kind of mail needs. */
export type TMailParams = {
  invitation: { customerName: string; inviterName: string; link: string; expiresHours: number };
  passwordReset: { link: string; expiresHours: number };
  accountReplaced: { link: string; expiresHours: number };
  transcript: { dealerName: string; timeZone: string; messages: TTranscriptLine[] };
  webhookDisabled: { customerName: string; url: string; reason: "gone" | "failing"; link: string };
  misuseReport: {
    customerName: string;
    customerId: string;
    reporterEmail: string;
    subjectEmail: string | null;
    description: string;
    reportId: string;
  };
  emailChannelTest: Record<string, never>;
};
export type TMailKind = keyof TMailParams;
export const MAIL_KINDS = [
  "invitation",
  "passwordReset",
  "accountReplaced",
  "transcript",
  "webhookDisabled",
  "misuseReport",
  "emailChannelTest",
] as const satisfies readonly TMailKind[];

export type TRenderedMail = { subject: string; text: string; html: string };

/** What a mail is made of; each block has one plain-text and one HTML form. */
type TBlock =
  | { kind: "p"; text: string }
  /** A link: the text part says it plainly (intro, then the address); the HTML part shows a button. */
  | { kind: "action"; intro: string; label: string; href: string }
  | { kind: "fields"; rows: [label: string, value: string][] }
  | { kind: "quote"; text: string }
  | { kind: "lines"; lines: { meta: string; who: string; text: string }[] };

type TValues = Record<string, string | number | Date | null>;
type TTranslate<K extends TMailKind> = (key: Extract<keyof TMailCatalog[K], string>, values?: TValues) => string;

const formatters = new Map<string, IntlMessageFormat>();

/** One message of a locale's catalog, formatted; a missing key or value throws (the unit test keeps the catalogs whole). */
export function formatMailMessage(locale: TMailLocale, section: string, key: string, values?: TValues): string {
  const id = `${locale}:${section}.${key}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    const message = (MAIL_CATALOGS[locale] as Record<string, Record<string, string> | undefined>)[section]?.[key];
    if (typeof message !== "string") throw new Error(`No mail message ${section}.${key} in ${locale}`);
    formatter = new IntlMessageFormat(message, MAIL_INTL_LOCALE[locale], undefined, { ignoreTag: true });
    formatters.set(id, formatter);
  }
  const out = formatter.format(values);
  if (typeof out !== "string") throw new Error(`Mail message ${id} did not format to text`);
  return out;
}

type TComposed = { subject: string; blocks: TBlock[] };

const KINDS: { [K in TMailKind]: (t: TTranslate<K>, p: TMailParams[K], locale: TMailLocale) => TComposed } = {
  invitation: (t, p) => ({
    subject: t("subject", { customerName: p.customerName }),
    blocks: [
      { kind: "p", text: t("intro", { inviterName: p.inviterName, customerName: p.customerName }) },
      { kind: "action", intro: t("linkIntro", { expiresHours: p.expiresHours }), label: t("button"), href: p.link },
      { kind: "p", text: t("ignore") },
    ],
  }),
  passwordReset: (t, p) => ({
    subject: t("subject"),
    blocks: [
      { kind: "action", intro: t("linkIntro", { expiresHours: p.expiresHours }), label: t("button"), href: p.link },
      { kind: "p", text: t("notYou") },
    ],
  }),
  accountReplaced: (t, p) => ({
    subject: t("subject"),
    blocks: [
      { kind: "p", text: t("intro") },
      { kind: "action", intro: t("linkIntro", { expiresHours: p.expiresHours }), label: t("button"), href: p.link },
      { kind: "p", text: t("notYou") },
    ],
  }),
  transcript: (t, p, locale) => {
    const when = new Intl.DateTimeFormat(MAIL_INTL_LOCALE[locale], {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: p.timeZone,
    });
    return {
      subject: t("subject", { dealerName: p.dealerName }),
      blocks: [
        { kind: "p", text: t("intro", { dealerName: p.dealerName }) },
        p.messages.length === 0
          ? { kind: "p", text: t("empty") }
          : {
              kind: "lines",
              lines: p.messages.map((m) => ({ meta: when.format(m.at), who: m.who ?? t("you"), text: m.text })),
            },
      ],
    };
  },
  webhookDisabled: (t, p) => ({
    subject: t("subject", { customerName: p.customerName }),
    blocks: [
      { kind: "p", text: t("intro", { url: p.url, reason: p.reason }) },
      { kind: "action", intro: t("linkIntro"), label: t("button"), href: p.link },
    ],
  }),
  misuseReport: (t, p) => ({
    subject: t("subject", { customerName: p.customerName }),
    blocks: [
      {
        kind: "fields",
        rows: [
          [t("customer"), `${p.customerName} (${p.customerId})`],
          [t("reportedBy"), p.reporterEmail],
          [t("accountConcerned"), p.subjectEmail ?? t("notNamed")],
          [t("reportId"), p.reportId],
        ],
      },
      { kind: "quote", text: p.description },
      { kind: "p", text: t("rule") },
    ],
  }),
  emailChannelTest: (t) => ({ subject: t("subject"), blocks: [{ kind: "p", text: t("body") }] }),
};

/** Renders one mail of a kind in a locale: { subject, text, html }. */
export function renderMail<K extends TMailKind>(kind: K, locale: TMailLocale, params: TMailParams[K]): TRenderedMail {
  const t: TTranslate<K> = (key, values) => formatMailMessage(locale, kind, key, values);
  const { subject, blocks } = KINDS[kind](t, params, locale);
  for (const block of blocks) {
    if (block.kind === "action" && !/^https?:\/\//.test(block.href))
      throw new Error(`Not a web link in a mail: ${block.href}`);
  }
  return {
    subject,
    text: `${blocks.map(textOf).join("\n\n")}\n`,
    html: layout(locale, subject, blocks.map((b) => htmlOf(b, locale)).join("")),
  };
}

function textOf(block: TBlock): string {
  switch (block.kind) {
    case "p":
    case "quote":
      return block.text;
    case "action":
      return `${block.intro}\n${block.href}`;
    case "fields":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "lines":
      return block.lines.map((l) => `[${l.meta}] ${l.who}: ${l.text}`).join("\n");
  }
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MUTED = "#71717a";

/** Escaped text with its line breaks kept. */
const html = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function htmlOf(block: TBlock, locale: TMailLocale): string {
  switch (block.kind) {
    case "p":
      return `<p style="margin:0 0 16px">${html(block.text)}</p>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:3px solid #d4d4d8;background:#fafafa">${html(block.text)}</blockquote>`;
    case "action": {
      const href = escapeHtml(block.href);
      return (
        `<p style="margin:0 0 16px">${html(block.intro)}</p>` +
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px"><tr>` +
        `<td style="border-radius:8px;background:#18181b"><a href="${href}" style="display:inline-block;padding:12px 20px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px">${html(block.label)}</a></td>` +
        `</tr></table>` +
        `<p style="margin:0 0 16px;font-size:13px;color:${MUTED}">${html(formatMailMessage(locale, "layout", "linkFallback"))}<br>` +
        `<a href="${href}" style="color:${MUTED};word-break:break-all">${href}</a></p>`
      );
    }
    case "fields":
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="padding:2px 16px 2px 0;color:${MUTED};vertical-align:top">${html(label)}</td><td style="padding:2px 0">${html(value)}</td></tr>`,
          )
          .join("") +
        `</table>`
      );
    case "lines":
      return block.lines
        .map(
          (l) =>
            `<p style="margin:0 0 12px"><span style="display:block;font-size:12px;color:${MUTED}"><strong style="color:#3f3f46">${html(l.who)}</strong> · ${html(l.meta)}</span>${html(l.text)}</p>`,
        )
        .join("");
  }
}

function layout(locale: TMailLocale, subject: string, body: string): string {
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${html(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f4f5">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e4e7;border-radius:12px">` +
    `<tr><td style="padding:24px 28px;font-family:${FONT};font-size:15px;line-height:1.55;color:#18181b">` +
    `<p style="margin:0 0 16px;font-size:13px;font-weight:700;letter-spacing:.04em;color:${MUTED}">FORECOURT</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${html(subject)}</h1>` +
    body +
    `</td></tr></table></td></tr></table></body></html>`
  );
}
