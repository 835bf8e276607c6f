import { describe, expect, it } from "vitest";
import {
  customerLifecycleOn,
  customerSchedules,
  divestmentNoticeEffect,
  ordinaryNoticeEffect,
  scheduleEvents,
  subscriptionStageOn,
  type LifecycleSubscription,
} from "./lifecycle";
import { productSchedule } from "./schedule";

const sub = (id: string, contractDate: string, training: string | null, months: number, end: string | null = null) =>
  ({
    id,
    contractDate,
    firstTrainingDate: training,
    initialTermMonths: months,
    terminationDate: end,
  }) satisfies LifecycleSubscription;

describe("T 5.1 / T 5.6: a customer's schedules", () => {
  it("a single dealer's subscriptions are aligned to the latest initial-term end (T 5.1)", () => {
    const m = customerSchedules("DEALER", [
      sub("a", "2025-01-01", "2025-01-10", 12),
      sub("b", "2025-03-01", "2025-03-05", 12),
    ]);
    expect(m.get("a")).toEqual({ startDate: "2025-01-10", initialTermEndDate: "2026-03-04", renewalTermMonths: 12 });
    expect(m.get("b")).toEqual({ startDate: "2025-03-05", initialTermEndDate: "2026-03-04", renewalTermMonths: 12 });
  });

  it("a dealer group's added product starts a new minimum period for all (T 5.6), whatever the row order", () => {
    const rows = [sub("b", "2025-06-01", "2025-06-01", 24), sub("a", "2025-01-01", "2025-01-10", 12)];
    const m = customerSchedules("DEALER_GROUP", rows);
    expect(m.get("a")).toEqual({ startDate: "2025-06-01", initialTermEndDate: "2027-05-31", renewalTermMonths: 24 });
    expect(m.get("b")).toEqual({ startDate: "2025-06-01", initialTermEndDate: "2027-05-31", renewalTermMonths: 24 });
    expect(customerSchedules("DEALER_GROUP", [...rows].reverse())).toEqual(m);
  });

  it("L def 6: without a training date the start is contract date + 30 days", () => {
    expect(customerSchedules("DEALER", [sub("a", "2025-01-31", null, 12)]).get("a")?.startDate).toBe("2025-03-02");
  });

  it("no subscriptions: an empty map", () => {
    expect(customerSchedules("OEM", []).size).toBe(0);
  });
});

describe("subscription stage on a day", () => {
  const schedule = productSchedule({ startDate: "2025-02-01", initialTermMonths: 12 });
  it.each([
    ["2025-01-31", null, "pending"],
    ["2025-02-01", null, "active"],
    ["2030-01-01", null, "active"],
    ["2025-02-01", "2025-05-01", "notice_given"],
    ["2025-05-01", "2025-05-01", "notice_given"], // the termination date is the last day in force
    ["2025-05-02", "2025-05-01", "terminated"],
    ["2025-01-15", "2025-01-20", "pending"], // terminated before it started
    ["2025-01-21", "2025-01-20", "terminated"],
  ] as const)("on %s with termination %s: %s", (day, end, stage) => {
    expect(subscriptionStageOn(schedule, end, day)).toBe(stage);
  });
});

describe("L 5.2 / T 5.9: a customer's lifecycle and termination timeline", () => {
  const subs = [sub("a", "2025-01-01", "2025-01-10", 12, "2025-04-09"), sub("b", "2025-01-01", "2025-01-10", 12)];

  it("stays active while one subscription is in force, with no timeline", () => {
    const l = customerLifecycleOn({ kind: "DEALER_GROUP", subscriptions: subs }, "2025-04-10");
    expect(l.stage).toBe("active");
    expect(l.timeline).toBeNull();
    expect(l.subscriptions.map((s) => s.stage)).toEqual(["terminated", "active"]);
  });

  it("is pending until the first subscription starts", () => {
    expect(customerLifecycleOn({ kind: "DEALER", subscriptions: subs }, "2025-01-09").stage).toBe("pending");
    expect(customerLifecycleOn({ kind: "DEALER", subscriptions: [] }, "2025-01-09").stage).toBe("none");
  });

  it("terminates on the day after the last termination date; read-only through +30; deletion due on +31", () => {
    const both = [subs[0], { ...subs[1], terminationDate: "2025-04-09" }] as LifecycleSubscription[];
    const on = (day: string) => customerLifecycleOn({ kind: "DEALER_GROUP", subscriptions: both }, day);
    expect(on("2025-04-09").stage).toBe("active");
    expect(on("2025-04-10").stage).toBe("terminated");
    expect(on("2025-04-10").timeline).toEqual({
      terminationDate: "2025-04-09",
      lastInvoiceDate: "2025-04-01",
      adminReadOnlyUntil: "2025-05-09",
      deletionDate: "2025-05-10",
      reinstatementPossibleUntil: "2025-05-09",
      exportPossibleUntil: "2025-05-09",
    });
    expect(on("2025-05-09").stage).toBe("terminated");
    expect(on("2025-05-10").stage).toBe("deletion_due");
  });

  it("uses the latest termination date of all subscriptions", () => {
    const both = [subs[0], { ...subs[1], terminationDate: "2025-06-30" }] as LifecycleSubscription[];
    const l = customerLifecycleOn({ kind: "DEALER", subscriptions: both }, "2025-07-01");
    expect(l.timeline?.terminationDate).toBe("2025-06-30");
    expect(l.timeline?.lastInvoiceDate).toBe("2025-06-01");
  });

  it("a subscription ended before it started had no invoice; the termination date stands in", () => {
    const l = customerLifecycleOn(
      { kind: "DEALER", subscriptions: [sub("a", "2025-01-01", null, 12, "2025-01-05")] },
      "2025-01-06",
    );
    expect(l.subscriptions[0]?.lastInvoiceDate).toBeNull();
    expect(l.timeline?.lastInvoiceDate).toBe("2025-01-05");
    expect(l.timeline?.deletionDate).toBe("2025-02-05");
  });
});

describe("T 5.3: ordinary notice ends the period whose deadline (end − 90 days) is not yet past", () => {
  const schedule = productSchedule({ startDate: "2025-01-01", initialTermMonths: 12 });
  it.each([
    ["2024-12-01", "2025-12-31"], // before the start: the initial term
    ["2025-10-02", "2025-12-31"], // the last day (31 Dec − 90 days)
    ["2025-10-03", "2026-12-31"], // one day late: the next renewal term
    ["2026-10-02", "2026-12-31"],
    ["2026-10-03", "2027-12-31"],
  ])("notice on %s ends the agreement on %s", (notice, end) => {
    expect(ordinaryNoticeEffect(schedule, notice).terminationDate).toBe(end);
  });
});

describe("T 5.5: divestment with 90 days' notice", () => {
  const schedule = productSchedule({ startDate: "2025-01-01", initialTermMonths: 12 });
  it("ends 90 days after the notice; fees are owed for the current period unless transferred", () => {
    expect(divestmentNoticeEffect(schedule, "2025-03-01", { transferred: false })).toEqual({
      terminationDate: "2025-05-30",
      feesOwedUntil: "2025-12-31",
    });
    expect(divestmentNoticeEffect(schedule, "2025-03-01", { transferred: true })).toEqual({
      terminationDate: "2025-05-30",
      feesOwedUntil: "2025-05-30",
    });
    expect(divestmentNoticeEffect(schedule, "2025-12-01", { transferred: false }).feesOwedUntil).toBe("2026-03-01");
  });
});

describe("the schedule as a timeline of events", () => {
  const schedule = productSchedule({ startDate: "2025-01-15", initialTermMonths: 12 });
  it("lists start, windows, deadline, term end, renewal and the next invoices, in date order", () => {
    const events = scheduleEvents(schedule, "2025-02-10", { renewalsAhead: 1, invoiceMonths: 2 });
    const summary = events.map((e) => `${e.kind}:${"window" in e ? `${e.window.opens}..${e.window.closes}` : e.date}`);
    expect(summary).toEqual([
      "start:2025-01-15",
      "first_invoice:2025-01-15",
      "dissolution_window:2025-01-15..2025-04-14",
      "invoice:2025-03-01",
      "invoice:2025-04-01",
      "ordinary_notice_deadline:2025-10-16",
      "term_end:2026-01-14",
      "renewal:2026-01-15",
      "dissolution_window:2026-01-15..2026-04-14",
      "provider_cancellation_window:2026-01-15..2026-04-14",
      "ordinary_notice_deadline:2026-10-16",
      "term_end:2027-01-14",
    ]);
  });

  it("stops at the termination date", () => {
    const events = scheduleEvents(schedule, "2025-02-10", { terminationDate: "2025-04-14" });
    expect(events.at(-1)).toEqual({ kind: "termination", date: "2025-04-14" });
    expect(events.some((e) => e.kind === "renewal")).toBe(false);
  });
});
