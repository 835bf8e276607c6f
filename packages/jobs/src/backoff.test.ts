import { describe, expect, it } from "vitest";
import { backoffStrategy, CHANNEL_BACKOFF } from "./backoff";

describe("channel backoff", () => {
  it("doubles from 2 s when the service named no wait", () => {
    expect([1, 2, 3, 4].map((n) => backoffStrategy(n, CHANNEL_BACKOFF, new Error("503")))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it("waits what the service asked for (Telegram retry_after), capped at 15 minutes", () => {
    const asked = Object.assign(new Error("429"), { retryAfterMs: 7_000 });
    expect(backoffStrategy(5, CHANNEL_BACKOFF, asked)).toBe(7_000);
    const greedy = Object.assign(new Error("429"), { retryAfterMs: 86_400_000 });
    expect(backoffStrategy(1, CHANNEL_BACKOFF, greedy)).toBe(15 * 60_000);
  });

  it("refuses a backoff type it does not know (a typo must not retry at once forever)", () => {
    expect(() => backoffStrategy(1, "exponentiall", new Error())).toThrow(/Unknown backoff type/);
  });
});
