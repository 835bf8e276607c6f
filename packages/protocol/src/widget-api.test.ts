import { describe, expect, it } from "vitest";
import { ZHttpUrl, ZVehicleOfInterest, ZWidgetIdentity } from "./widget-api";

describe("ZVehicleOfInterest (setVehicle is untrusted visitor input)", () => {
  it("accepts a VIN or a stock number with make, model and an http(s) page", () => {
    expect(
      ZVehicleOfInterest.parse({
        vin: "yv1xzk8v1p2000001",
        make: "Volvo",
        model: "EX30",
        url: "https://d.example/ex30",
      }),
    ).toEqual({ vin: "YV1XZK8V1P2000001", make: "Volvo", model: "EX30", url: "https://d.example/ex30" });
    expect(ZVehicleOfInterest.parse({ stockNumber: "NW-1042" })).toEqual({ stockNumber: "NW-1042" });
  });

  it("needs a VIN or a stock number", () => {
    const r = ZVehicleOfInterest.safeParse({ make: "Volvo", model: "EX30" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/vin or a stockNumber/);
  });

  it.each([
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/relative/path"],
    ["ftp://d.example/car"],
    [`https://d.example/${"a".repeat(500)}`],
  ])("refuses the url %s", (url) => {
    expect(ZHttpUrl.safeParse(url).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "NW-1", url }).success).toBe(false);
  });

  it("bounds every field and refuses unknown ones", () => {
    expect(ZVehicleOfInterest.safeParse({ vin: "TOO-SHORT" }).success).toBe(false);
    // I, O and Q are never in a VIN (ISO 3779).
    expect(ZVehicleOfInterest.safeParse({ vin: "IOQ45678901234567" }).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "x".repeat(41) }).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "1", make: "m".repeat(61) }).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "1", model: "m".repeat(81) }).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "1", html: "<b>x</b>" }).success).toBe(false);
    expect(ZVehicleOfInterest.safeParse({ stockNumber: "a\u0000b" }).success).toBe(false);
  });

  it("keeps markup as plain text (it is rendered escaped, never parsed)", () => {
    expect(ZVehicleOfInterest.parse({ stockNumber: "1", model: "<img src=x onerror=alert(1)>" }).model).toBe(
      "<img src=x onerror=alert(1)>",
    );
  });
});

describe("ZWidgetIdentity", () => {
  it("needs an id and bounds the rest", () => {
    expect(ZWidgetIdentity.safeParse({ userHash: "a".repeat(64) }).success).toBe(false);
    expect(ZWidgetIdentity.safeParse({ id: "u1", email: "not-an-email" }).success).toBe(false);
    expect(ZWidgetIdentity.safeParse({ id: "u1", phone: "call me" }).success).toBe(false);
    expect(ZWidgetIdentity.safeParse({ id: "x".repeat(201) }).success).toBe(false);
    expect(ZWidgetIdentity.parse({ id: " u1 ", name: "Sam" })).toEqual({ id: "u1", name: "Sam" });
  });
});
