import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./money-input";

describe("amounts as people type them", () => {
  it.each([
    ["149", "149"],
    ["149.00", "149.00"],
    ["149,5", "149.50"],
    ["1.500,00", "1500.00"],
    ["1,500.00", "1500.00"],
    ["1 500,00", "1500.00"],
    ["1\u00a0500,00", "1500.00"],
    ["€ 349", "349"],
    ["€349,95", "349.95"],
    ["349,-", "349"],
    ["EUR 1.234.567,89", "1234567.89"],
    ["1.500", "1500"],
    ["kr. 2.995,00", "2995.00"],
    ["0", "0"],
  ])("%s → %s", (raw, expected) => {
    expect(parseMoneyInput(raw)).toBe(expected);
  });

  it.each(["", "abc", "1.50.0", "1,5.00,0", "12.3456", "€", "-5", "1.2345,00", "12345678901"])("refuses %s", (raw) => {
    expect(parseMoneyInput(raw)).toBeNull();
  });
});
