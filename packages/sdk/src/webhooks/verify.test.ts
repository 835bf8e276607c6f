import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { verifyWebhook } from "./verify";

// The SDK's verification against signatures made by the Standard Webhooks reference library.
const secret = `whsec_${Buffer.from("a-32-byte-secret-for-the-tests!!").toString("base64")}`;

function signed(body: string, at = new Date()) {
  const id = `msg_${crypto.randomUUID()}`;
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

describe("verifyWebhook", () => {
  const body = JSON.stringify({ type: "message.created", timestamp: new Date().toISOString(), data: { id: "m1" } });

  it("accepts a signed body (headers as an object or as Headers) and returns the event", () => {
    const headers = signed(body);
    expect(verifyWebhook(secret, body, headers)).toMatchObject({ type: "message.created", data: { id: "m1" } });
    expect(verifyWebhook(secret, Buffer.from(body), new Headers(headers)).type).toBe("message.created");
  });

  it("refuses a changed body, another secret and an old timestamp", () => {
    const headers = signed(body);
    expect(() => verifyWebhook(secret, body.replace("m1", "m2"), headers)).toThrow();
    const other = `whsec_${Buffer.from("another-32-byte-secret-for-tests").toString("base64")}`;
    expect(() => verifyWebhook(other, body, headers)).toThrow();
    expect(() => verifyWebhook(secret, body, signed(body, new Date(Date.now() - 3_600_000)))).toThrow();
  });
});
