import { describe, expect, it } from "vitest";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { testMemberPrincipal } from "../test-principals";
import { deleteDepartment } from "./delete-department";
import { listDepartmentsForSettings } from "./list-departments-for-settings";
import { saveDepartment } from "./save-department";
import { getPublicWidget } from "../chat/get-public-widget";
import { createChatTenant, TEST_ORIGIN } from "../chat/test-helpers";

/** Settings → Departments with real rows: names per dealer, dealer scope, and deletes that never widen a scope. */
async function arrange() {
  const { customer, dealer } = await createTestTenant("Departments");
  const other = await ownerDb().dealer.create({ data: { customerId: customer.id, name: "Other dealer" } });
  const { user } = await createTestUser({ customerId: customer.id, role: "ADMIN" });
  const admin = testMemberPrincipal(user.id, customer.id, "ADMIN");
  const scopedAdmin = testMemberPrincipal(user.id, customer.id, "ADMIN", { dealerIds: [dealer.id] });
  return { customer, dealer, other, admin, scopedAdmin };
}

describe("departments", () => {
  it("creates, renames and lists per dealer; a name twice at one dealer is a field error", async () => {
    const t = await arrange();
    const { id } = await saveDepartment({
      actor: t.admin,
      input: { dealerId: t.dealer.id, name: "Service", kind: "SERVICE" },
    });
    await saveDepartment({ actor: t.admin, input: { dealerId: t.other.id, name: "Service", kind: "SERVICE" } });
    await expect(
      saveDepartment({ actor: t.admin, input: { dealerId: t.dealer.id, name: "Service", kind: "OTHER" } }),
    ).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "name" }] });
    await saveDepartment({ actor: t.admin, input: { id, dealerId: t.dealer.id, name: "Workshop", kind: "SERVICE" } });
    const { dealers } = await listDepartmentsForSettings({ actor: t.admin });
    const mine = dealers.find((d) => d.id === t.dealer.id)!;
    expect(mine.departments.map((d) => d.name)).toEqual(["Workshop"]);
    expect(await ownerDb().auditEvent.count({ where: { targetId: id } })).toBe(2);
  });

  it("keeps a name for visitors per language, and the widget offers it beside the staff's name", async () => {
    const chat = await createChatTenant("Department names");
    const { user } = await createTestUser({ customerId: chat.customer.id, role: "ADMIN" });
    const admin = testMemberPrincipal(user.id, chat.customer.id, "ADMIN");
    const input = { dealerId: chat.dealer.id, name: "Werkplaats", kind: "SERVICE" as const };
    const { id } = await saveDepartment({
      actor: admin,
      input: { ...input, visitorName_da: " Værksted ", visitorName_de: "Werkstatt", visitorName_en: "" },
    });
    const widget = await getPublicWidget({ key: chat.channel.publicKey!, origin: TEST_ORIGIN });
    expect(widget.ok && widget.widget.departments).toEqual([
      { id, name: "Werkplaats", names: { da: "Værksted", de: "Werkstatt" } },
    ]);
    // Saved again without them: the names go (a blank field means "use the department's name").
    await saveDepartment({ actor: admin, input: { ...input, id, visitorName_de: "Werkstatt" } });
    const listed = (await listDepartmentsForSettings({ actor: admin })).dealers[0]!.departments[0]!;
    expect(listed.visitorNames).toEqual({ de: "Werkstatt" });
    await expect(
      saveDepartment({ actor: admin, input: { ...input, id, visitorName_nl: "x".repeat(121) } }),
    ).rejects.toMatchObject({ name: "ZodError", issues: [{ path: ["visitorName_nl"] }] });
  });

  it("saves SLA targets (form strings or numbers), clears one left empty, refuses nonsense", async () => {
    const t = await arrange();
    const { id } = await saveDepartment({
      actor: t.admin,
      input: {
        dealerId: t.dealer.id,
        name: "Sales",
        kind: "SALES",
        firstResponseMinutes: "15",
        resolutionMinutes: 240,
      } as never,
    });
    const listed = async () =>
      (await listDepartmentsForSettings({ actor: t.admin })).dealers
        .flatMap((d) => d.departments)
        .find((d) => d.id === id);
    expect(await listed()).toMatchObject({ firstResponseMinutes: 15, resolutionMinutes: 240 });
    await saveDepartment({
      actor: t.admin,
      input: { id, dealerId: t.dealer.id, name: "Sales", kind: "SALES", firstResponseMinutes: 10 },
    });
    expect(await listed()).toMatchObject({ firstResponseMinutes: 10, resolutionMinutes: null });
    for (const bad of ["0", "1.5", "abc", 50_000])
      await expect(
        saveDepartment({
          actor: t.admin,
          input: { id, dealerId: t.dealer.id, name: "Sales", kind: "SALES", firstResponseMinutes: bad } as never,
        }),
      ).rejects.toMatchObject({ name: "ZodError" });
  });

  it("keeps a dealer-scoped admin to their own dealers", async () => {
    const t = await arrange();
    const foreign = await saveDepartment({
      actor: t.admin,
      input: { dealerId: t.other.id, name: "Parts", kind: "PARTS" },
    });
    await expect(
      saveDepartment({ actor: t.scopedAdmin, input: { dealerId: t.other.id, name: "Sneaky", kind: "OTHER" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      saveDepartment({
        actor: t.scopedAdmin,
        input: { id: foreign.id, dealerId: t.dealer.id, name: "Moved", kind: "OTHER" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDepartment({ actor: t.scopedAdmin, input: { id: foreign.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    const { dealers } = await listDepartmentsForSettings({ actor: t.scopedAdmin });
    expect(dealers.map((d) => d.id)).toEqual([t.dealer.id]);
    expect(await ownerDb().department.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      name: "Parts",
    });
  });

  it("refuses to delete a department teammates are limited to, and keeps conversations when it goes", async () => {
    const t = await arrange();
    const { id } = await saveDepartment({
      actor: t.admin,
      input: { dealerId: t.dealer.id, name: "Sales", kind: "SALES" },
    });
    const { user } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: user.id } });
    await ownerDb().membershipDepartment.create({
      data: { customerId: t.customer.id, membershipId: membership.id, departmentId: id },
    });
    await expect(deleteDepartment({ actor: t.admin, input: { id } })).rejects.toMatchObject({
      code: "department_has_members",
      details: { members: 1 },
    });
    await ownerDb().membershipDepartment.deleteMany({ where: { departmentId: id } });

    const channel = await ownerDb().channel.create({
      data: { customerId: t.customer.id, dealerId: t.dealer.id, type: "WIDGET", name: "Web", publicKey: `wk-${id}` },
    });
    const contact = await ownerDb().contact.create({ data: { customerId: t.customer.id, name: "Kim" } });
    const conversation = await ownerDb().conversation.create({
      data: {
        customerId: t.customer.id,
        dealerId: t.dealer.id,
        channelId: channel.id,
        contactId: contact.id,
        departmentId: id,
      },
    });
    await deleteDepartment({ actor: t.admin, input: { id } });
    expect(await ownerDb().department.count({ where: { id } })).toBe(0);
    expect(await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      departmentId: null,
    });
  });

  it("refuses agents (the permission matrix)", async () => {
    const t = await arrange();
    const { user } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const agent = testMemberPrincipal(user.id, t.customer.id, "AGENT");
    await expect(listDepartmentsForSettings({ actor: agent })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      saveDepartment({ actor: agent, input: { dealerId: t.dealer.id, name: "Mine", kind: "OTHER" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
