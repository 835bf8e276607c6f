import { describe, expect, it } from "vitest";
import { isTrainingCancellationCharged, latestFreeTrainingCancellation, parseInstant } from "./training";

describe("T 5.10: a training day cancelled less than 72 hours before it starts is charged", () => {
  it.each([
    // [training starts, cancelled, charged]
    ["2025-06-10T09:00:00Z", "2025-06-07T09:00:00Z", false], // exactly 72 hours
    ["2025-06-10T09:00:00Z", "2025-06-07T08:59:59Z", false], // 72 h 1 s
    ["2025-06-10T09:00:00Z", "2025-06-07T09:00:01Z", true], // 71 h 59 m 59 s
    ["2025-06-10T09:00:00Z", "2025-06-07T09:00:00.001Z", true], // one millisecond late
    ["2025-06-10T09:00:00Z", "2025-06-01T09:00:00Z", false],
    ["2025-06-10T09:00:00Z", "2025-06-10T10:00:00Z", true], // after it started
    ["2025-06-10T11:00:00+02:00", "2025-06-07T09:00:00Z", false], // exactly 72 h across offsets
    // Across the EU daylight-saving change (30 March 2025): same wall time is 71 hours.
    ["2025-03-31T09:00:00+02:00", "2025-03-28T09:00:00+01:00", true],
    ["2025-03-31T09:00:00+02:00", "2025-03-28T08:00:00+01:00", false], // exactly 72 h
    ["2024-03-01T10:00:00Z", "2024-02-27T10:00:00Z", false], // 27 → 29 Feb → 1 Mar 2024: 72 h
    ["2025-03-01T10:00:00Z", "2025-02-26T10:00:00Z", false], // 2025 has no 29 Feb: 72 h
    ["2025-03-01T10:00:00Z", "2025-02-27T10:00:00Z", true], // 48 h
    ["2025-06-10T09:00-04:00", "2025-06-07T13:00Z", false], // 13:00Z, exactly 72 h
  ])("training %s, cancelled %s → charged %s", (trainingStartsAt, cancelledAt, charged) => {
    expect(isTrainingCancellationCharged({ trainingStartsAt, cancelledAt })).toBe(charged);
  });

  it.each([
    ["2024-03-01T10:00:00+01:00", "2024-02-27T09:00:00.000Z"],
    ["2025-01-02T00:00:00Z", "2024-12-30T00:00:00.000Z"],
  ])("the last free moment before %s is %s", (startsAt, latest) => {
    expect(latestFreeTrainingCancellation(startsAt)).toBe(latest);
  });

  it.each([
    "2025-06-10T09:00:00", // no offset: ambiguous local time
    "2025-06-10",
    "2025-02-30T09:00:00Z",
    "2025-06-10T24:00:00Z",
    "2025-06-10T09:60:00Z",
    "2025-06-10T09:00:00+2:00",
  ])("refuses %j", (value) => {
    expect(() => parseInstant(value)).toThrow(RangeError);
  });

  it("reads instants like Date.parse for valid input", () => {
    expect(parseInstant("2025-03-28T09:00:00.5+01:00")).toBe(Date.UTC(2025, 2, 28, 8, 0, 0, 500));
  });
});
