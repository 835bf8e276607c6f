import { describe, expect, it } from "vitest";
import { auditCsv, csvField } from "./audit-csv";

describe("auditCsv", () => {
  it("quotes commas, quotes and newlines and defuses formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("plain")).toBe("plain");
  });
  it("writes a header and one line per event", () => {
    const csv = auditCsv([
      {
        createdAt: new Date("2026-01-02T03:04:05.000Z"),
        customerId: "c1",
        customerName: "Northwind, Inc",
        actorEmail: "a@b.example",
        action: "user.invited",
        targetType: "Invitation",
        targetId: "i1",
        ip: "10.0.0.1",
        data: { email: "x@y.example" },
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "time,customer_id,customer,actor,action,target_type,target_id,ip,details",
      '2026-01-02T03:04:05.000Z,c1,"Northwind, Inc",a@b.example,user.invited,Invitation,i1,10.0.0.1,"{""email"":""x@y.example""}"',
      "",
    ]);
  });
});
