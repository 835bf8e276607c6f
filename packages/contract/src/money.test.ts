import { describe, expect, it } from "vitest";
import { formatMoney, MoneyDecimal, parseMoney, roundToCent, sumMoney } from "./money";

describe("RULES §4 money is an exact decimal, half-up to the cent", () => {
  it.each(["-1.00", "1.234", "1e3", "", "1,00", " 1", "1.", ".5", "NaN"])("refuses %j", (value) => {
    expect(() => parseMoney(value)).toThrow(RangeError);
  });

  it.each([
    ["1234.5", "1234.50"],
    ["99", "99.00"],
    ["0.05", "0.05"],
  ])("writes %s as %s", (value, expected) => {
    expect(formatMoney(parseMoney(value))).toBe(expected);
  });

  it("adds exactly (0.1 + 0.2 = 0.30, not 0.30000000000000004)", () => {
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney([])).toBe("0.00");
  });

  it.each([
    ["0.005", "0.01"],
    ["0.015", "0.02"],
    ["0.025", "0.03"], // half-even would give 0.02
    ["50.005", "50.01"],
    ["0.0049", "0.00"],
  ])("rounds %s half-up to %s", (value, expected) => {
    expect(formatMoney(roundToCent(new MoneyDecimal(value)))).toBe(expected);
  });
});
