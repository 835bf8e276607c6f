import { describe, expect, it } from "vitest";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { testMemberPrincipal } from "../test-principals";
import { listCannedReplies } from "../chat/list-canned-replies";
import { deleteCannedReply } from "./delete-canned-reply";
import { listCannedRepliesForSettings } from "./list-canned-replies-for-settings";
import { saveCannedReply } from "./save-canned-reply";

/** Settings → Canned replies: who manages which, unique shortcuts under parallel saves, audit. Real PostgreSQL. */
async function arrange() {
  const t = await createTestTenant("Canned");
  const other = await ownerDb().dealer.create({ data: { customerId: t.customer.id, name: "Second dealer" } });
  const { user } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const admin = testMemberPrincipal(user.id, t.customer.id, "ADMIN");
  const scoped = testMemberPrincipal(user.id, t.customer.id, "SUPERVISOR", { dealerIds: [t.dealer.id] });
  const agent = testMemberPrincipal(user.id, t.customer.id, "AGENT");
  return { ...t, other, admin, scoped, agent };
}

const reply = (dealerId: string | null, shortcut = "hours") => ({
  dealerId,
  shortcut,
  title: "Opening hours",
  body: "Hi {{contact.first_name}}, we are open 9–18.",
});

describe("canned replies in settings", () => {
  it("an administrator creates a shared reply the agents then see; edits and deletes are audited", async () => {
    const t = await arrange();
    const { id } = await saveCannedReply({ actor: t.admin, input: reply(null) });
    expect((await listCannedReplies({ agent: t.agent })).map((r) => r.shortcut)).toContain("hours");
    await saveCannedReply({ actor: t.admin, input: { ...reply(null, "opening"), id } });
    expect((await listCannedRepliesForSettings({ actor: t.admin })).replies.map((r) => r.shortcut)).toEqual([
      "opening",
    ]);
    await deleteCannedReply({ actor: t.admin, input: { id } });
    expect((await listCannedRepliesForSettings({ actor: t.admin })).replies).toEqual([]);
    const audit = await ownerDb().auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "canned_reply.created",
      "canned_reply.updated",
      "canned_reply.deleted",
    ]);
  });

  it("a supervisor of one dealer manages only that dealer's replies, never shared ones", async () => {
    const t = await arrange();
    await saveCannedReply({ actor: t.scoped, input: reply(t.dealer.id) });
    await expect(saveCannedReply({ actor: t.scoped, input: reply(t.other.id) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCannedReply({ actor: t.scoped, input: reply(null) })).rejects.toBeInstanceOf(ForbiddenError);
    const shared = await saveCannedReply({ actor: t.admin, input: reply(null, "shared") });
    await expect(deleteCannedReply({ actor: t.scoped, input: { id: shared.id } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Taking over the shared reply by moving it to their dealer is refused too.
    await expect(
      saveCannedReply({ actor: t.scoped, input: { ...reply(t.dealer.id, "shared"), id: shared.id } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const view = await listCannedRepliesForSettings({ actor: t.scoped });
    expect(view.mayShare).toBe(false);
    expect(view.dealers.map((d) => d.id)).toEqual([t.dealer.id]);
    expect(view.replies.map((r) => r.dealerId)).toEqual([t.dealer.id]);
    await expect(listCannedRepliesForSettings({ actor: t.agent })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps shortcuts unique per dealer and among shared replies, also when saved in parallel", async () => {
    const t = await arrange();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => saveCannedReply({ actor: t.admin, input: reply(null, "race") })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InvalidInputError);
    // The same shortcut for a dealer is another reply (it wins in that dealer's composer).
    await saveCannedReply({ actor: t.admin, input: reply(t.dealer.id, "race") });
    await expect(saveCannedReply({ actor: t.admin, input: reply(t.dealer.id, "race") })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await ownerDb().cannedReply.count({ where: { customerId: t.customer.id, shortcut: "race" } })).toBe(2);
  });

  it("refuses another tenant's dealer and unknown variables, keeping nothing", async () => {
    const t = await arrange();
    const stranger = await createTestTenant("Stranger");
    await expect(saveCannedReply({ actor: t.admin, input: reply(stranger.dealer.id) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      saveCannedReply({ actor: t.admin, input: { ...reply(null), body: "Hi {{contcat.name}}" } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await ownerDb().cannedReply.count({ where: { customerId: t.customer.id } })).toBe(0);
  });
});
