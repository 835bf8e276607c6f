import { describe, expect, it } from "vitest";
import { conversationSla, slaStatus } from "./sla";

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00.000Z`);
const open = { status: "OPEN" as const, createdAt: at("10:00"), firstInboundAt: at("10:00"), firstReplyAt: null };

describe("conversationSla", () => {
  it("runs the first-response target from the first inbound message until the first reply", () => {
    const sla = conversationSla(
      { ...open, firstInboundAt: at("10:05") },
      { firstResponseMinutes: 15, resolutionMinutes: 240 },
    );
    expect(sla).toEqual({ kind: "firstResponse", dueAt: at("10:20").toISOString() });
  });

  it("starts the first-response clock at the opening when the message came outside business hours", () => {
    const targets = { firstResponseMinutes: 15, resolutionMinutes: null };
    const night = { ...open, firstInboundAt: at("02:00"), opensAt: at("08:00") };
    expect(conversationSla(night, targets)?.dueAt).toBe(at("08:15").toISOString());
    // An opening already passed when the message came changes nothing.
    expect(conversationSla({ ...open, firstInboundAt: at("10:05"), opensAt: at("08:00") }, targets)?.dueAt).toBe(
      at("10:20").toISOString(),
    );
  });

  it("moves on to resolution (from creation) once an agent replied", () => {
    const sla = conversationSla(
      { ...open, firstReplyAt: at("10:03") },
      { firstResponseMinutes: 15, resolutionMinutes: 240 },
    );
    expect(sla).toEqual({ kind: "resolution", dueAt: at("14:00").toISOString() });
  });

  it("has no first-response target while the customer has not written", () => {
    const sla = conversationSla(
      { ...open, firstInboundAt: null },
      { firstResponseMinutes: 15, resolutionMinutes: null },
    );
    expect(sla).toBeNull();
  });

  it("has nothing for closed or snoozed conversations, or departments without targets", () => {
    const targets = { firstResponseMinutes: 15, resolutionMinutes: 240 };
    expect(conversationSla({ ...open, status: "CLOSED" }, targets)).toBeNull();
    expect(conversationSla({ ...open, status: "SNOOZED" }, targets)).toBeNull();
    expect(conversationSla(open, { firstResponseMinutes: null, resolutionMinutes: null })).toBeNull();
    expect(conversationSla({ ...open, status: "PENDING" }, targets)?.kind).toBe("firstResponse");
  });
});

describe("slaStatus", () => {
  const sla = { kind: "firstResponse" as const, dueAt: at("10:20").toISOString() };
  it("counts whole minutes left, rounded up", () => {
    expect(slaStatus(sla, at("10:08"))).toEqual({ overdue: false, minutes: 12 });
    expect(slaStatus(sla, new Date(at("10:19").getTime() + 30_000))).toEqual({ overdue: false, minutes: 1 });
  });
  it("is overdue from the due time on, by at least one minute", () => {
    expect(slaStatus(sla, at("10:20"))).toEqual({ overdue: true, minutes: 1 });
    expect(slaStatus(sla, at("10:25"))).toEqual({ overdue: true, minutes: 5 });
  });
});
