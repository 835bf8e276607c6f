import twilio from "twilio";
import { describe, expect, it } from "vitest";
import {
  isTwilioMediaUrl,
  optOutChangeOf,
  parseTwilioInbound,
  parseTwilioStatus,
  twilioFailure,
  twilioParamsOf,
  verifyTwilioSignature,
  ZTwilioSmsConfig,
} from "./twilio-sms";

const ACCOUNT = `AC${"a".repeat(32)}`;
const TOKEN = "0123456789abcdef0123456789abcdef";
const SID = `SM${"1".repeat(32)}`;
const URL_ = "https://forecourt.example/api/hooks/twilio/8d4c1f7e-0000-4000-8000-000000000001";
const form = (params: Record<string, string>) => new TextEncoder().encode(new URLSearchParams(params).toString());
const inbound = (extra: Record<string, string> = {}) => ({
  MessageSid: SID,
  SmsMessageSid: SID,
  AccountSid: ACCOUNT,
  From: "+31612345678",
  To: "+3197010000001",
  Body: "Is the Golf still available?",
  NumMedia: "0",
  NumSegments: "1",
  SmsStatus: "received",
  ApiVersion: "2010-04-01",
  ...extra,
});

describe("Twilio signature (the SDK's validateRequest over our public URL)", () => {
  const params = inbound();
  const signature = twilio.getExpectedTwilioSignature(TOKEN, URL_, params);
  const parsed = twilioParamsOf(form(params));
  it("accepts Twilio's signature and refuses anything changed", () => {
    expect(verifyTwilioSignature({ authToken: TOKEN, signature, publicUrl: URL_, params: parsed })).toBe(true);
    expect(verifyTwilioSignature({ authToken: "f".repeat(32), signature, publicUrl: URL_, params: parsed })).toBe(
      false,
    );
    expect(
      verifyTwilioSignature({ authToken: TOKEN, signature, publicUrl: URL_, params: { ...parsed, Body: "Changed" } }),
    ).toBe(false);
    expect(
      verifyTwilioSignature({
        authToken: TOKEN,
        signature,
        publicUrl: "https://evil.example/api/hooks/twilio/x",
        params: parsed,
      }),
    ).toBe(false);
    expect(verifyTwilioSignature({ authToken: TOKEN, signature: null, publicUrl: URL_, params: parsed })).toBe(false);
  });
});

describe("parseTwilioInbound", () => {
  it("normalises an SMS: phone identity, E.164 digits, text", () => {
    const result = parseTwilioInbound(twilioParamsOf(form(inbound())))!;
    expect(result).toMatchObject({ accountSid: ACCOUNT, to: "+3197010000001", from: "+31612345678", optOut: null });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({
      externalId: SID,
      identities: [{ kind: "phone", value: "+31612345678" }],
      phone: "31612345678",
      text: "Is the Golf still available?",
      media: null,
    });
  });

  it("turns an MMS with two files into two messages, each with its media reference", () => {
    const base = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/${SID.replace("SM", "MM")}/Media`;
    const result = parseTwilioInbound(
      twilioParamsOf(
        form(
          inbound({
            NumMedia: "2",
            Body: "Damage photos",
            MediaUrl0: `${base}/ME${"2".repeat(32)}`,
            MediaContentType0: "image/jpeg",
            MediaUrl1: `${base}/ME${"3".repeat(32)}`,
            MediaContentType1: "application/pdf",
          }),
        ),
      ),
    )!;
    expect(result.messages.map((m) => [m.externalId, m.text, m.media?.kind, m.media?.mimeType])).toEqual([
      [SID, "Damage photos", "image", "image/jpeg"],
      [`${SID}/1`, "", "document", "application/pdf"],
    ]);
    expect(result.messages[0]!.content).toEqual({ type: "media", mediaKind: "image", state: "pending" });
  });

  it("refuses a body that is not a Twilio message", () => {
    expect(parseTwilioInbound(twilioParamsOf(form({ Body: "hi" })))).toBeNull();
    expect(parseTwilioInbound(twilioParamsOf(form(inbound({ MessageSid: "x", SmsMessageSid: "y" }))))).toBeNull();
  });

  it("records STOP and START (and carriers' Dutch, German and Danish words)", () => {
    expect(parseTwilioInbound(twilioParamsOf(form(inbound({ Body: " Stop. " }))))!.optOut).toEqual({
      optedOut: true,
      keyword: "STOP",
    });
    for (const word of [
      "STOPALL",
      "stop all",
      "Unsubscribe",
      "cancel",
      "END",
      "quit",
      "afmelden",
      "Stopp",
      "ABMELDEN",
      "afmeld",
    ])
      expect(optOutChangeOf(word, null), word).toMatchObject({ optedOut: true });
    for (const word of ["start", "UNSTOP", "Yes", "aanmelden", "anmelden", "tilmeld"])
      expect(optOutChangeOf(word, null), word).toMatchObject({ optedOut: false });
    expect(optOutChangeOf("Please stop calling me", null)).toBeNull();
    expect(optOutChangeOf("HELP", null)).toBeNull();
    // Twilio's own decision (Advanced Opt-Out with custom keywords) wins.
    expect(optOutChangeOf("ophouden", "STOP")).toMatchObject({ optedOut: true });
    expect(optOutChangeOf("STOP", "HELP")).toBeNull();
  });
});

describe("parseTwilioStatus", () => {
  const status = (s: string, extra: Record<string, string> = {}) =>
    parseTwilioStatus(
      twilioParamsOf(
        form({
          MessageSid: SID,
          AccountSid: ACCOUNT,
          From: "+3197010000001",
          To: "+31612345678",
          MessageStatus: s,
          ...extra,
        }),
      ),
    )!;
  it("maps MessageStatus onto our ticks and ignores the in-between states", () => {
    expect(status("sent").event).toMatchObject({ externalId: SID, status: "SENT", error: null });
    expect(status("delivered").event).toMatchObject({ status: "DELIVERED" });
    expect(status("queued").event).toBeNull();
    expect(status("sending").event).toBeNull();
  });
  it("keeps the ErrorCode of a failure in words, with whether a retry may help", () => {
    expect(status("undelivered", { ErrorCode: "30003" }).event?.error).toMatchObject({
      code: "unreachable_handset",
      retryable: true,
    });
    expect(status("failed", { ErrorCode: "21610" }).event?.error).toMatchObject({
      code: "opted_out",
      retryable: false,
    });
    expect(status("undelivered", { ErrorCode: "30007" }).event?.error?.message).toMatch(/spam/);
    expect(status("failed", { ErrorCode: "39999" }).event?.error).toMatchObject({ code: "rejected", retryable: false });
  });
});

describe("Twilio error words", () => {
  it("has a word for the codes agents meet", () => {
    for (const code of [30003, 30004, 30005, 30006, 30007, 21610, 21211, 21408])
      expect(twilioFailure(code).code, String(code)).not.toBe("rejected");
  });
});

describe("isTwilioMediaUrl (SSRF)", () => {
  const endpoint = { apiUrl: "https://api.twilio.com", timeoutMs: 1000 };
  const media = `/2010-04-01/Accounts/${ACCOUNT}/Messages/MM${"4".repeat(32)}/Media/ME${"5".repeat(32)}`;
  it("allows only the configured API host and this account's media path", () => {
    expect(isTwilioMediaUrl(`https://api.twilio.com${media}`, endpoint, ACCOUNT)).toBe(true);
    expect(isTwilioMediaUrl(`https://evil.example${media}`, endpoint, ACCOUNT)).toBe(false);
    expect(isTwilioMediaUrl(`http://api.twilio.com${media}`, endpoint, ACCOUNT)).toBe(false);
    expect(isTwilioMediaUrl(`https://api.twilio.com.evil.example${media}`, endpoint, ACCOUNT)).toBe(false);
    expect(isTwilioMediaUrl(`https://user@api.twilio.com${media}`, endpoint, ACCOUNT)).toBe(false);
    expect(
      isTwilioMediaUrl(`https://api.twilio.com${media.replace(ACCOUNT, `AC${"b".repeat(32)}`)}`, endpoint, ACCOUNT),
    ).toBe(false);
    expect(
      isTwilioMediaUrl(`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Calls.json`, endpoint, ACCOUNT),
    ).toBe(false);
    expect(isTwilioMediaUrl("http://169.254.169.254/latest/meta-data", endpoint, ACCOUNT)).toBe(false);
  });
});

describe("ZTwilioSmsConfig", () => {
  it("needs a Messaging Service SID or a From number", () => {
    expect(ZTwilioSmsConfig.safeParse({ accountSid: ACCOUNT }).success).toBe(false);
    expect(ZTwilioSmsConfig.parse({ accountSid: ACCOUNT, fromNumber: "+31 6 1234 5678" }).fromNumber).toBe(
      "+31612345678",
    );
    expect(
      ZTwilioSmsConfig.safeParse({ accountSid: ACCOUNT, messagingServiceSid: `MG${"c".repeat(32)}` }).success,
    ).toBe(true);
    expect(ZTwilioSmsConfig.safeParse({ accountSid: "AC123", fromNumber: "+31612345678" }).success).toBe(false);
  });
});
