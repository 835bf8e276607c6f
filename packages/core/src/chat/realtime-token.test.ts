import { describe, expect, it } from "vitest";
import { customerIdOfWidgetKey, newVisitorToken, newWidgetKey, parseVisitorToken } from "./keys";
import { issueRealtimeToken, verifyRealtimeToken } from "./realtime-token";

const ids = {
  sessionId: "7d9e6a3c-1f2b-4c5d-8e9f-0a1b2c3d4e5f",
  userId: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
  customerId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c01",
};

describe("realtime token", () => {
  it("round-trips its claims while valid", () => {
    const token = issueRealtimeToken(ids);
    expect(verifyRealtimeToken(token)).toMatchObject({ sid: ids.sessionId, uid: ids.userId, cid: ids.customerId });
  });

  it("refuses an expired, tampered or malformed token", () => {
    const old = issueRealtimeToken({ ...ids, now: Date.now() - 10 * 60_000 });
    expect(verifyRealtimeToken(old)).toBeNull();
    const [payload, sig] = issueRealtimeToken(ids).split(".");
    const forged = Buffer.from(JSON.stringify({ sid: ids.sessionId, uid: ids.userId, cid: "x", exp: 9e9 })).toString(
      "base64url",
    );
    expect(verifyRealtimeToken(`${forged}.${sig}`)).toBeNull();
    expect(verifyRealtimeToken(`${payload}`)).toBeNull();
    expect(verifyRealtimeToken("")).toBeNull();
  });
});

describe("widget keys and visitor tokens", () => {
  it("carry the customer id so the tenant is known before the lookup", () => {
    expect(customerIdOfWidgetKey(newWidgetKey(ids.customerId))).toBe(ids.customerId);
    expect(customerIdOfWidgetKey("wk_nothex_abcdef")).toBeNull();
    const { token, tokenHash } = newVisitorToken(ids.customerId);
    expect(parseVisitorToken(token)).toEqual({ customerId: ids.customerId, tokenHash });
    expect(parseVisitorToken("v1.not-a-uuid.abc")).toBeNull();
  });
});
