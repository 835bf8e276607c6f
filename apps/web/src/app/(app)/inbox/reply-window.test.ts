import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../../messages/en.json";
import nl from "../../../../messages/nl.json";
import { timeLeftText, windowNotice } from "./reply-window";

const now = Date.parse("2026-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;

describe("windowNotice", () => {
  it("says nothing for channels without a window", () => {
    expect(windowNotice({ state: "always", closesAt: null, templates: false }, now)).toEqual({ kind: "none" });
    expect(windowNotice(null, now)).toEqual({ kind: "none" });
  });

  it("counts down an open window in whole minutes, rounded up", () => {
    const open = (ms: number) => windowNotice({ state: "open", closesAt: at(ms), templates: true }, now);
    expect(open((3 * 60 + 12) * MIN)).toEqual({ kind: "open", hours: 3, minutes: 12 });
    expect(open((3 * 60 + 11) * MIN + 1)).toEqual({ kind: "open", hours: 3, minutes: 12 });
    expect(open(30_000)).toEqual({ kind: "open", hours: 0, minutes: 1 });
    expect(open(24 * 60 * MIN)).toEqual({ kind: "open", hours: 24, minutes: 0 });
  });

  it("treats an open window whose time has passed as closed (expired: ask the server again)", () => {
    expect(windowNotice({ state: "open", closesAt: at(0), templates: true }, now)).toEqual({
      kind: "closed",
      templates: true,
      expired: true,
    });
    expect(windowNotice({ state: "human_agent", closesAt: at(-MIN), templates: false }, now)).toEqual({
      kind: "closed",
      templates: false,
      expired: true,
    });
  });

  it("passes on Messenger's human-agent period and a closed window", () => {
    expect(windowNotice({ state: "human_agent", closesAt: at(3 * 86_400_000), templates: false }, now)).toEqual({
      kind: "human_agent",
      until: at(3 * 86_400_000),
    });
    expect(windowNotice({ state: "closed", closesAt: null, templates: true }, now)).toEqual({
      kind: "closed",
      templates: true,
      expired: false,
    });
  });
});

describe("the countdown text", () => {
  const tEn = createTranslator({ locale: "en", messages: en, namespace: "chat" });
  const tNl = createTranslator({ locale: "nl", messages: nl, namespace: "chat" });
  const t = (key: string, values?: Record<string, string | number>) => tEn(key as never, values as never);

  it("reads as hours and minutes", () => {
    expect(tEn("window.open", { left: timeLeftText(t, 3, 12) })).toBe("Reply window open — closes in 3 h 12 min");
    expect(timeLeftText(t, 0, 45)).toBe("45 min");
    expect(timeLeftText(t, 2, 0)).toBe("2 h");
  });

  it("is translated", () => {
    const n = (key: string, values?: Record<string, string | number>) => tNl(key as never, values as never);
    expect(timeLeftText(n, 3, 12)).toBe("3 u 12 min");
  });
});
