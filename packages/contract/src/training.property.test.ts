import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTrainingCancellationCharged, parseInstant } from "./training";

const HOURS_72 = 72 * 3_600_000;

// Writes an instant with a given UTC offset in minutes, independently of ./training.
function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

const instantArb = fc.integer({
  min: Date.UTC(2000, 0, 1),
  max: Date.UTC(2090, 0, 1),
});
const offsetArb = fc.constantFrom(-600, -300, 0, 60, 120, 330, 345, 840);

describe("T 5.10 training cancellation invariants", () => {
  it("charged exactly when less than 72 hours of elapsed time remain, whatever the offsets", () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.oneof(
          fc.integer({ min: -HOURS_72, max: 3 * HOURS_72 }),
          fc.constantFrom(HOURS_72, HOURS_72 - 1, HOURS_72 + 1),
        ),
        offsetArb,
        offsetArb,
        (startsAt, before, startOffset, cancelOffset) => {
          const trainingStartsAt = withOffset(startsAt, startOffset);
          const cancelledAt = withOffset(startsAt - before, cancelOffset);
          expect(parseInstant(trainingStartsAt)).toBe(startsAt);
          expect(isTrainingCancellationCharged({ trainingStartsAt, cancelledAt })).toBe(before < HOURS_72);
        },
      ),
    );
  });
});
