import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import {
  authenticateEmail,
  baseSubject,
  decodeReplyToken,
  emailFrameDocument,
  encodeReplyToken,
  offlineResolver,
  parseInboundEmail,
  parseRecipient,
  replyAddress,
  replyReferences,
  replySubject,
  sanitizeEmailHtml,
  splitQuotedText,
  threadLookupIds,
} from "./index";

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    new MailComposer(options).compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("parseInboundEmail", () => {
  it("normalises addresses, ids, text, html and attachments (inline cid images too)", async () => {
    const raw = await compose({
      from: '"Jan de Vries" <Jan@Example.NL>',
      to: "sales@dealer.example, Other <other@dealer.example>",
      cc: "cc@example.com",
      subject: "Re: AW: Golf GTI test drive",
      messageId: "<abc.123@Mail.Example.NL>",
      inReplyTo: "<parent@forecourt.test>",
      references: "<root@forecourt.test> <parent@forecourt.test>",
      text: "Saturday works.\n\nOn Tue, 1 Dec 2026 at 10:00, Sales <sales@dealer.example> wrote:\n> When suits you?",
      html: '<p>Saturday works.</p><img src="cid:logo@x">',
      attachments: [
        { filename: "offer.pdf", content: Buffer.from("%PDF-1.4 test"), contentType: "application/pdf" },
        { filename: "logo.png", content: PNG, contentType: "image/png", cid: "logo@x" },
      ],
    });
    const email = await parseInboundEmail(raw);
    expect(email.from).toEqual({ name: "Jan de Vries", address: "jan@example.nl" });
    expect(email.to.map((t) => t.address)).toEqual(["sales@dealer.example", "other@dealer.example"]);
    expect(email.cc.map((t) => t.address)).toEqual(["cc@example.com"]);
    expect(email.messageId).toBe("<abc.123@mail.example.nl>");
    expect(email.messageIdDerived).toBe(false);
    expect(email.inReplyTo).toEqual(["<parent@forecourt.test>"]);
    expect(email.references).toEqual(["<root@forecourt.test>", "<parent@forecourt.test>"]);
    expect(email.threadSubject).toBe("Golf GTI test drive");
    expect(email.mainText).toBe("Saturday works.");
    expect(email.foldedText).toContain("> When suits you?");
    expect(email.html).toContain("cid:logo@x");
    const pdf = email.attachments.find((a) => a.fileName === "offer.pdf")!;
    expect(pdf.inline).toBe(false);
    expect(Buffer.from(pdf.bytes).toString()).toBe("%PDF-1.4 test");
    const logo = email.attachments.find((a) => a.fileName === "logo.png")!;
    expect(logo).toMatchObject({ inline: true, contentId: "logo@x", mimeType: "image/png" });
    expect(Buffer.from(logo.bytes).equals(PNG)).toBe(true);
  });

  it("derives a stable Message-ID from the bytes when the mail has none, and text from HTML-only mail", async () => {
    const raw = new TextEncoder().encode(
      "From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\nContent-Type: text/html\r\n\r\n<p>Hello<br>there</p>\r\n",
    );
    const one = await parseInboundEmail(raw);
    const two = await parseInboundEmail(raw);
    expect(one.messageIdDerived).toBe(true);
    expect(one.messageId).toBe(two.messageId);
    expect(one.text).toBe("Hello\nthere");
  });

  it("refuses bytes without a From address", async () => {
    await expect(parseInboundEmail(new TextEncoder().encode("Subject: x\r\n\r\nbody"))).rejects.toThrow(/From/);
  });
});

describe("splitQuotedText", () => {
  it.each([
    ["Gmail", "Yes please.\n\nOn Mon, 30 Nov 2026 at 09:12, Sales <s@d.example> wrote:\n> Shall we book it?"],
    ["Gmail, wrapped", "Yes please.\n\nOn Mon, 30 Nov 2026 at 09:12, Sales Team\n<s@d.example> wrote:\n> Shall we?"],
    ["Dutch", "Ja graag.\n\nOp ma 30 nov 2026 om 09:12 schreef Verkoop <s@d.example>:\n> Zullen we?"],
    ["German", "Ja gerne.\n\nAm 30.11.2026 um 09:12 schrieb Verkauf <s@d.example>:\n> Sollen wir?"],
    [
      "Outlook",
      "Yes please.\n\nFrom: Sales <s@d.example>\nSent: Monday, 30 November 2026 09:12\nTo: me\nSubject: Re: x",
    ],
    ["Outlook rule", "Yes please.\n\n________________________________\nVan: Verkoop\nVerzonden: maandag"],
    ["signature", "Yes please.\n-- \nJan de Vries\n+31 6 1234 5678"],
    ["phone footer", "Yes please.\n\nSent from my iPhone"],
    ["quote lines", "Yes please.\n> Shall we book it?\n> Best, Sales"],
  ])("%s: folds the rest away", (_name, text) => {
    const split = splitQuotedText(text);
    expect(split.main).toMatch(/^(Yes please|Ja graag|Ja gerne)\.$/);
    expect(split.folded.length).toBeGreaterThan(5);
  });

  it("keeps a mail that is nothing but a quote whole, and a plain mail unfolded", () => {
    expect(splitQuotedText("> only a quote\n> here")).toEqual({ main: "> only a quote\n> here", folded: "" });
    expect(splitQuotedText("From the dealer we bought it.\nThanks")).toEqual({
      main: "From the dealer we bought it.\nThanks",
      folded: "",
    });
  });
});

describe("threading keys", () => {
  it("looks In-Reply-To up first, then References newest to oldest", () => {
    expect(threadLookupIds({ inReplyTo: ["<outlook@x>"], references: ["<a@x>", "<b@x>", "<c@x>"] })).toEqual([
      "<outlook@x>",
      "<c@x>",
      "<b@x>",
      "<a@x>",
    ]);
  });
  it("builds the reply's References from the parent's and its id", () => {
    expect(replyReferences({ messageId: "<p@x>", references: ["<a@x>", "<b@x>"] })).toEqual([
      "<a@x>",
      "<b@x>",
      "<p@x>",
    ]);
    const long = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const chain = replyReferences({ messageId: "<p@x>", references: long });
    expect(chain).toHaveLength(20);
    expect(chain[0]).toBe("<0@x>");
    expect(chain.at(-1)).toBe("<p@x>");
  });
  it("strips reply prefixes in the languages we see", () => {
    expect(baseSubject("Re: AW: SV: Antw: Fwd: Offer")).toBe("Offer");
    expect(baseSubject("RE[2]: Offer")).toBe("Offer");
    expect(replySubject("Re: Offer")).toBe("Re: Offer");
    expect(replySubject("")).toBe("Re: your message");
  });
});

describe("reply tokens", () => {
  const id = "3f2b8c1e-9d4a-4e7b-8a6c-1d2e3f4a5b6c";
  it("round-trips, is case-insensitive and fits an address", () => {
    const token = encodeReplyToken(id, "k".repeat(32));
    expect(token).toMatch(/^[a-z2-7]{39}$/);
    expect(decodeReplyToken(token, "k".repeat(32))).toBe(id);
    expect(decodeReplyToken(token.toUpperCase(), "k".repeat(32))).toBe(id);
    const address = replyAddress({ localPart: "sales-ab12", domain: "in.forecourt.test" }, token);
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(parseRecipient(address)).toEqual({ localPart: "sales-ab12", domain: "in.forecourt.test", token });
  });
  it("refuses a token altered, truncated or signed with another key", () => {
    const token = encodeReplyToken(id, "k".repeat(32));
    const flipped = (token[3] === "a" ? "b" : "a") + "";
    expect(decodeReplyToken(token.slice(0, 3) + flipped + token.slice(4), "k".repeat(32))).toBeNull();
    expect(decodeReplyToken(token.slice(0, -1), "k".repeat(32))).toBeNull();
    expect(decodeReplyToken(token, "other-key".repeat(4))).toBeNull();
    expect(decodeReplyToken("not!base32", "k".repeat(32))).toBeNull();
  });
  it("ignores other plus-tags", () => {
    expect(parseRecipient("Sales+news@In.Example")).toEqual({ localPart: "sales", domain: "in.example", token: null });
    expect(parseRecipient("nope")).toBeNull();
  });
});

describe("sanitizeEmailHtml", () => {
  const hostile = `<html><head><style>body{background:url(https://t.example/bg)}</style><script>alert(1)</script></head>
    <body onload="alert(2)"><p onclick="x()">Hi <a href="javascript:alert(3)">click</a> <a href="https://dealer.example/offer">offer</a></p>
    <img src="x" onerror="alert(4)"><img src="https://tracker.example/open.gif" width="1" height="1">
    <img src="https://cdn.example/car.jpg" alt="The car"><img src="cid:logo@x"><img src="cid:missing@x">
    <form action="https://evil.example"><input name="password"><button>Go</button></form>
    <iframe src="https://evil.example"></iframe><div style="color:red;background-image:url(https://t.example/px)">red</div>
    <svg><script>alert(5)</script></svg><a href="data:text/html,<script>alert(6)</script>">d</a></body></html>`;

  it("removes scripts, handlers, forms, frames, styles that fetch, and tracking pixels; holds remote images", () => {
    const out = sanitizeEmailHtml(hostile, {
      cidUrl: (cid) => (cid === "logo@x" ? "https://app.test/api/attachments/c/a?sig=1" : null),
      allowRemoteImages: false,
    });
    for (const bad of [
      "<script",
      "alert(",
      "onerror",
      "onload",
      "onclick",
      "javascript:",
      "<form",
      "<input",
      "<iframe",
      "<style",
      "url(",
      "tracker.example",
      "cdn.example",
      "data:text",
    ])
      expect(out.html).not.toContain(bad);
    expect(out.html).toContain('href="https://dealer.example/offer"');
    expect(out.html).toContain('rel="noopener noreferrer nofollow"');
    expect(out.html).toContain('src="https://app.test/api/attachments/c/a?sig=1"');
    expect(out.html).toContain("[The car]");
    expect(out.html).toContain("color:red");
    expect(out.remoteImages).toBe(1);
    expect(out.trackingPixels).toBe(1);
  });

  it("shows remote images once allowed, never the tracking pixel", () => {
    const out = sanitizeEmailHtml(hostile, { cidUrl: () => null, allowRemoteImages: true });
    expect(out.html).toContain('src="https://cdn.example/car.jpg"');
    expect(out.html).not.toContain("tracker.example");
    expect(out.html).not.toContain("onerror");
  });

  it("frames the body with its own CSP that fetches remote images only when allowed", () => {
    const blocked = emailFrameDocument("<p>x</p>", { ownOrigin: "https://app.test", allowRemoteImages: false });
    expect(blocked).toContain("default-src 'none'; img-src https://app.test data:;");
    expect(emailFrameDocument("", { ownOrigin: "https://app.test", allowRemoteImages: true })).toContain(
      "img-src https://app.test data: https: http:",
    );
  });
});

describe("authenticateEmail without DNS", () => {
  it("records temperror/none honestly and does not flag the sender", async () => {
    const raw = await compose({ from: "a@example.com", to: "b@in.test", subject: "x", text: "y" });
    const auth = await authenticateEmail(
      raw,
      { ip: "127.0.0.1", helo: "client.test", mailFrom: "a@example.com", mta: "mx.test" },
      offlineResolver,
    );
    expect(["temperror", "none"]).toContain(auth.spf);
    expect(auth.dkim).toBe("none");
    expect(["temperror", "none"]).toContain(auth.dmarc);
    expect(auth.flagged).toBe(false);
  });
});

describe("authenticateEmail with DNS answers", () => {
  it("flags a sender whose domain's SPF and DMARC say the mail is forged", async () => {
    const raw = await compose({ from: "ceo@bank.example", to: "b@in.test", subject: "urgent", text: "pay" });
    const records: Record<string, string[][]> = {
      "bank.example": [["v=spf1 ip4:192.0.2.1 -all"]],
      "_dmarc.bank.example": [["v=DMARC1; p=reject"]],
    };
    const resolver = async (name: string, rrtype: string): Promise<string[][]> => {
      if (rrtype === "TXT" && records[name]) return records[name];
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    const auth = await authenticateEmail(
      raw,
      { ip: "198.51.100.7", helo: "evil.test", mailFrom: "ceo@bank.example", mta: "mx.test" },
      resolver,
    );
    expect(auth).toEqual({ spf: "fail", dkim: "none", dmarc: "fail", flagged: true });
  });
});
