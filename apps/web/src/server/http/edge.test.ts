/** HTTP-edge findings (issue 9) that need no I/O: input rules, headers and policies. */
import { describe, expect, it } from "vitest";
import { ZSendMessage } from "@forecourt/protocol";
import nextConfig from "../../../next.config";
import { z } from "zod";
import { formObject } from "../action-helpers";
import { definePublicHandler } from "../define-handler";

describe("finding 8: NUL characters never reach PostgreSQL", () => {
  it("the one door refuses U+0000 in any field with 400 and a message, before parsing or the use case", async () => {
    const form = new FormData();
    form.set("email", "ann@example.test");
    form.set("name", "Ann\u0000");
    let reached = false;
    const handler = definePublicHandler({ input: z.object({ email: z.string(), name: z.string() }) }, () => {
      reached = true;
      return "done";
    });
    const result = await handler(formObject(form));
    expect(result).toMatchObject({ ok: false, status: 400, error: "invalid_input" });
    expect(!result.ok && result.message).toMatch(/NUL/);
    expect(!result.ok && result.issues).toEqual([{ path: "name", message: "NUL characters are not allowed" }]);
    expect(reached).toBe(false);
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
