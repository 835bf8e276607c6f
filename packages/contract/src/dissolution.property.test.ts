import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween } from "./dates";
import { dissolutionNoticeEffect, dissolutionWindow, isDissolutionWindowOpen } from "./dissolution";
import { providerCancellationEffect } from "./provider-cancellation";
import { productSchedule, renewalTerm, termInForce } from "./schedule";
import { isoDateArb } from "./test-arbitraries";

// Terms of at least 4 months (≥ 120 days), so a 90-day window always fits inside its term.
const scheduleArb = fc
  .record({
    startDate: isoDateArb("2000-01-01", "2060-12-31"),
    initialTermMonths: fc.integer({ min: 4, max: 60 }),
  })
  .map(productSchedule);

describe("L 5.1 dissolution invariants", () => {
  it("every dissolution window is exactly 90 days and opens on its term's first day", () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 1, max: 20 }), (schedule, n) => {
        for (const term of [termInForce(schedule, schedule.startDate)!, renewalTerm(schedule, n)]) {
          const window = dissolutionWindow(term);
          expect(window.opens).toBe(term.startDate);
          expect(daysBetween(window.opens, window.closes) + 1).toBe(90);
          expect(compareDates(window.closes, term.endDate)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it("a notice is accepted exactly on days 1–90 of a term, ends on day 90, and fees run to that day", () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: -30, max: 8000 }), (schedule, offset) => {
        const day = addDays(schedule.startDate, offset);
        const term = termInForce(schedule, day);
        const effect = dissolutionNoticeEffect(schedule, day);
        const dayOfTerm = term ? daysBetween(term.startDate, day) + 1 : 0;
        expect(effect.accepted).toBe(dayOfTerm >= 1 && dayOfTerm <= 90);
        expect(isDissolutionWindowOpen(schedule, day)).toBe(effect.accepted);
        if (effect.accepted) {
          expect(daysBetween(effect.term.startDate, effect.terminationDate)).toBe(89);
          expect(effect.lastFeeDay).toBe(effect.terminationDate);
          expect(compareDates(effect.terminationDate, day)).toBeGreaterThanOrEqual(0);
        } else {
          // The next window really opens then, and is later than the refused day.
          expect(compareDates(effect.nextWindowOpens, day)).toBe(1);
          expect(isDissolutionWindowOpen(schedule, effect.nextWindowOpens)).toBe(true);
          expect(isDissolutionWindowOpen(schedule, addDays(effect.nextWindowOpens, -1))).toBe(false);
        }
      }),
    );
  });

  it("provider cancellation is allowed only in the first 90 days of a renewal term and lasts 90 more days", () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: -30, max: 8000 }), (schedule, offset) => {
        const day = addDays(schedule.startDate, offset);
        const term = termInForce(schedule, day);
        const effect = providerCancellationEffect(schedule, day);
        const inWindow = term?.kind === "renewal" && daysBetween(term.startDate, day) < 90;
        expect(effect.allowed).toBe(inWindow);
        if (effect.allowed) expect(daysBetween(day, effect.lastDayInForce)).toBe(90);
        else
          expect(termInForce(schedule, effect.nextWindowOpens)).toMatchObject({
            kind: "renewal",
            startDate: effect.nextWindowOpens,
          });
      }),
    );
  });
});
