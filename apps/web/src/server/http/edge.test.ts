/** HTTP-edge findings (issue 9) that need no I/O: input rules, headers and policies. */
import { describe, expect, it } from "vitest";
import { ZSendMessage } from "@forecourt/protocol";
import nextConfig from "../../../next.config";
import { formObject } from "../action-helpers";

describe("finding 8: NUL characters never reach PostgreSQL", () => {
  it("formObject refuses a form with U+0000 in a field (no field reaches the handler)", () => {
    const form = new FormData();
    form.set("name", "Ann\u0000");
    form.set("email", "ann@example.test");
    expect(Object.keys(formObject(form))).toEqual([]);
  });

  it("a chat message body with U+0000 is invalid input (ack invalid_payload, not unavailable)", () => {
    const parsed = ZSendMessage.safeParse({
      conversationId: crypto.randomUUID(),
      clientId: "client-123",
      body: "a\u0000b",
    });
    expect(parsed.success).toBe(false);
  });
});

describe("finding 10: the widget frame keeps its own headers", () => {
  it("next.config adds no Referrer-Policy (nor X-Frame-Options) to /widget/frame", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const frame = rules.filter((r) => r.source === "/widget/frame").flatMap((r) => r.headers.map((h) => h.key));
    expect(frame).not.toContain("Referrer-Policy");
    expect(frame).not.toContain("X-Frame-Options");
  });
});
