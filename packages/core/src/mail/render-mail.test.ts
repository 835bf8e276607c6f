import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import {
  formatMailMessage,
  MAIL_CATALOGS,
  MAIL_INTL_LOCALE,
  MAIL_KINDS,
  MAIL_LOCALES,
  mailLocaleOf,
  renderMail,
  type TMailKind,
  type TMailParams,
} from "./render-mail";

const LINK = "https://app.forecourt.test/invite/abc.def";
const AT = new Date("2026-12-03T09:05:00Z");

/** Values for every kind, each set with a name that tries to be markup. */
const SAMPLES: { [K in TMailKind]: TMailParams[K] } = {
  invitation: {
    customerName: "Autohaus <b>Nord</b>",
    inviterName: "<script>alert(1)</script>",
    link: LINK,
    expiresHours: 72,
  },
  passwordReset: { link: LINK, expiresHours: 1 },
  accountReplaced: { link: LINK, expiresHours: 24 },
  transcript: {
    dealerName: "Bilhuset & Co",
    timeZone: "Europe/Copenhagen",
    messages: [
      { at: AT, who: "<script>alert(1)</script>", text: "Is the XC40 red? <img src=x onerror=alert(1)>" },
      { at: AT, who: null, text: "Line one\nline two" },
    ],
  },
  webhookDisabled: {
    customerName: 'Dealer "A"',
    url: "https://crm.example/hook?a=1&b=2",
    reason: "failing",
    link: LINK,
  },
  misuseReport: {
    customerName: "<script>x</script>",
    customerId: "c-1",
    reporterEmail: "admin@dealer.test",
    subjectEmail: null,
    description: "They sent <a href=x>spam</a>.",
    reportId: "r-1",
  },
  emailChannelTest: {},
};

type TCatalog = Record<string, Record<string, string>>;

/** The argument names an ICU message uses (arguments, plurals, selects and what is nested in them). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const e of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (e.type >= 1 && e.type <= 6 && typeof e.value === "string") names.add(e.value);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst());
  return [...names].sort();
}

describe("mail catalogs", () => {
  const en = MAIL_CATALOGS.en as TCatalog;
  it.each(MAIL_LOCALES)("%s has every key of en, no other, each with the same arguments", (locale) => {
    const catalog = MAIL_CATALOGS[locale] as TCatalog;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [section, messages] of Object.entries(en)) {
      expect(Object.keys(catalog[section]!).sort(), section).toEqual(Object.keys(messages).sort());
      for (const [key, message] of Object.entries(messages)) {
        const translated = catalog[section]![key]!;
        expect(translated.trim(), `${locale} ${section}.${key}`).not.toBe("");
        expect(argumentsOf(translated), `${locale} ${section}.${key}`).toEqual(argumentsOf(message));
      }
    }
  });

  it("has a section for every kind of mail", () => {
    for (const kind of MAIL_KINDS) expect(Object.keys(en)).toContain(kind);
  });

  it("refuses a missing value instead of sending a hole", () => {
    expect(() => formatMailMessage("da", "invitation", "intro", { customerName: "X" })).toThrow(/inviterName/);
    expect(() => formatMailMessage("de", "invitation", "nope")).toThrow(/No mail message/);
  });
});

describe("renderMail", () => {
  const cases = MAIL_KINDS.flatMap((kind) => MAIL_LOCALES.map((locale) => [kind, locale] as const));

  it.each(cases)("renders %s in %s with a subject, a text part and an HTML part", (kind, locale) => {
    const mail = renderMail(kind, locale, SAMPLES[kind] as never);
    expect(mail.subject.trim()).not.toBe("");
    expect(mail.subject).not.toMatch(/[{}]/);
    expect(mail.text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(mail.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
    // Nothing anyone typed becomes markup.
    expect(mail.html).not.toMatch(/<script|<img|<b>|<a href=x/);
    const link = "link" in SAMPLES[kind] ? (SAMPLES[kind] as { link: string }).link : null;
    if (link) {
      // The text part gives the address on its own line; the HTML part links a button to it.
      expect(mail.text.split("\n")).toContain(link);
      expect(mail.html).toContain(`<a href="${link}"`);
      expect(mail.text).not.toMatch(/button/i);
    }
  });

  it("escapes names and message bodies in HTML and keeps them verbatim in text", () => {
    const invitation = renderMail("invitation", "en", SAMPLES.invitation);
    expect(invitation.html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt; invited you to Autohaus &lt;b&gt;Nord&lt;/b&gt;",
    );
    expect(invitation.text).toContain("<script>alert(1)</script> invited you to Autohaus <b>Nord</b> on Forecourt.");
    const transcript = renderMail("transcript", "en", SAMPLES.transcript);
    expect(transcript.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(transcript.html).toContain("Line one<br>line two");
    expect(renderMail("webhookDisabled", "en", SAMPLES.webhookDisabled).html).toContain(
      "https://crm.example/hook?a=1&amp;b=2",
    );
  });

  it("keeps the English texts the app and its tests know", () => {
    const invitation = renderMail("invitation", "en", SAMPLES.invitation);
    expect(invitation.subject).toBe("You're invited to Autohaus <b>Nord</b> on Forecourt");
    expect(invitation.text).toContain("(the link works once and expires in 72 hours):\n" + LINK);
    expect(renderMail("passwordReset", "en", SAMPLES.passwordReset).text).toContain("expires in 1 hour)");
    expect(renderMail("accountReplaced", "en", SAMPLES.accountReplaced).subject).toBe(
      "Your Forecourt account was replaced",
    );
    expect(renderMail("passwordReset", "en", SAMPLES.passwordReset).subject).toBe("Set a new Forecourt password");
    expect(renderMail("webhookDisabled", "en", SAMPLES.webhookDisabled).subject).toBe(
      'Webhook disabled for Dealer "A"',
    );
  });

  it("writes Danish, Dutch and German, with times on the dealer's clock in the locale's format", () => {
    const da = renderMail("transcript", "da", SAMPLES.transcript);
    expect(da.subject).toBe("Din samtale med Bilhuset & Co");
    expect(da.text).toContain("[03.12.2026, 10.05] <script>alert(1)</script>: Is the XC40 red?");
    expect(da.text).toContain("[03.12.2026, 10.05] Dig: Line one");
    const en = renderMail("transcript", "en", { ...SAMPLES.transcript, timeZone: "Europe/London" });
    expect(en.text).toContain("[03/12/2026, 09:05] You: Line one");
    expect(renderMail("invitation", "de", SAMPLES.invitation).text).toContain("läuft in 72 Stunden ab");
    expect(renderMail("passwordReset", "nl", SAMPLES.passwordReset).text).toContain("verloopt over 1 uur");
    expect(renderMail("webhookDisabled", "de", { ...SAMPLES.webhookDisabled, reason: "gone" }).text).toContain(
      "410 Gone",
    );
  });

  it("takes a stored locale or language, English when unknown", () => {
    expect(mailLocaleOf("da")).toBe("da");
    expect(mailLocaleOf("fr")).toBe("en");
    expect(mailLocaleOf(null)).toBe("en");
    expect(Object.keys(MAIL_INTL_LOCALE).sort()).toEqual([...MAIL_LOCALES].sort());
  });

  it("refuses a link that is not a web address", () => {
    expect(() => renderMail("passwordReset", "en", { link: "javascript:alert(1)", expiresHours: 1 })).toThrow();
  });
});
