import { describe, expect, it } from "vitest";
import { productStartDate } from "./start-date";

describe("L definition 6: product start date", () => {
  it.each([
    // [contract date, first training date, expected start]
    ["2025-01-10", "2025-01-20", "2025-01-20"], // training within 30 days
    ["2025-01-10", "2025-01-10", "2025-01-10"], // training on the contract date
    ["2025-01-10", "2025-02-09", "2025-02-09"], // training on contract + 30: still the training date
    ["2025-01-10", "2025-02-10", "2025-02-09"], // training on contract + 31: billing starts at + 30
    ["2025-01-10", "2025-06-01", "2025-02-09"],
    ["2024-01-30", "2024-03-01", "2024-02-29"], // + 30 lands on 29 Feb 2024
    ["2028-01-30", "2028-03-01", "2028-02-29"], // + 30 lands on 29 Feb 2028
    ["2025-01-30", "2025-03-02", "2025-03-01"], // 2025: no 29 Feb
    ["2026-01-30", "2026-03-02", "2026-03-01"],
    ["2025-12-15", "2026-02-01", "2026-01-14"], // across the year end
  ])("contract %s, training %s → start %s", (contractDate, firstTrainingDate, expected) => {
    expect(productStartDate({ contractDate, firstTrainingDate })).toBe(expected);
  });

  it.each([undefined, null])("without training (%s) starts on contract date + 30 days", (firstTrainingDate) => {
    expect(productStartDate({ contractDate: "2025-01-10", firstTrainingDate })).toBe("2025-02-09");
    expect(productStartDate({ contractDate: "2024-01-30", firstTrainingDate })).toBe("2024-02-29");
  });

  it("refuses invalid dates", () => {
    expect(() => productStartDate({ contractDate: "2025-02-30" })).toThrow(RangeError);
    expect(() =>
      productStartDate({
        contractDate: "2025-02-01",
        firstTrainingDate: "2025-02-29",
      }),
    ).toThrow(/firstTrainingDate/);
  });
});
