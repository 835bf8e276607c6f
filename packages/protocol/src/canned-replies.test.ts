import { describe, expect, it } from "vitest";
import { fillCannedReply, unknownCannedVariables, ZCannedReplyInput } from "./canned-replies";

describe("canned reply variables", () => {
  it("fills every known variable", () => {
    expect(
      fillCannedReply("Hi {{contact.first_name}}, {{agent.name}} of {{ dealer.name }} here.", {
        "contact.first_name": "Sophie",
        "agent.name": "Adam",
        "dealer.name": "Northwind Amsterdam",
      }),
    ).toBe("Hi Sophie, Adam of Northwind Amsterdam here.");
  });

  it("drops a variable without a value and tidies the spacing", () => {
    expect(fillCannedReply("Hi {{contact.first_name}}, thanks!", {})).toBe("Hi, thanks!");
    expect(fillCannedReply("Dear {{contact.name}} ,", { "contact.name": null })).toBe("Dear,");
  });

  it("names unknown variables, and the schema refuses them", () => {
    expect(unknownCannedVariables("Hi {{contcat.name}} and {{agent.name}}")).toEqual(["contcat.name"]);
    const parsed = ZCannedReplyInput.safeParse({
      dealerId: null,
      shortcut: "hi",
      title: "Hi",
      body: "Hi {{contcat.name}}",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/Unknown variable/);
  });

  it("normalises the shortcut and refuses spaces", () => {
    expect(ZCannedReplyInput.parse({ dealerId: null, shortcut: " Hours ", title: "t", body: "b" }).shortcut).toBe(
      "hours",
    );
    expect(
      ZCannedReplyInput.safeParse({ dealerId: null, shortcut: "opening hours", title: "t", body: "b" }).success,
    ).toBe(false);
  });
});
