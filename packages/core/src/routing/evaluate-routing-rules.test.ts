import { describe, expect, it } from "vitest";
import {
  conditionsHold,
  containsKeyword,
  firstMatchingRule,
  parseRules,
  type TRoutingFacts,
} from "./evaluate-routing-rules";

const facts: TRoutingFacts = {
  channelType: "WHATSAPP",
  startPage: null,
  departmentId: null,
  language: "nl",
  firstMessage: "Goedemiddag, ik wil graag een proefrit maken in de nieuwe XC40.",
  open: true,
  returningContact: false,
  hasVehicle: false,
};
const DEPT = "4a7d7c7e-0000-4000-8000-000000000001";

describe("routing conditions", () => {
  it("an empty rule matches everything", () => {
    expect(conditionsHold({}, facts)).toBe(true);
  });

  it("keywords match whole words, any case, without accents, and phrases", () => {
    expect(containsKeyword(facts.firstMessage, "Proefrit")).toBe(true);
    expect(containsKeyword(facts.firstMessage, "proef")).toBe(false);
    expect(containsKeyword("Jeg vil gerne bestille en prøvetur", "prøvetur")).toBe(true);
    expect(containsKeyword("Ich möchte eine Probefahrt", "mochte")).toBe(true);
    expect(containsKeyword(facts.firstMessage, "nieuwe xc40")).toBe(true);
    expect(containsKeyword(facts.firstMessage, "  ")).toBe(false);
  });

  it("every given condition must hold", () => {
    expect(conditionsHold({ channelTypes: ["WHATSAPP"], keywords: ["proefrit"], languages: ["nl"] }, facts)).toBe(true);
    expect(conditionsHold({ channelTypes: ["WIDGET"], keywords: ["proefrit"] }, facts)).toBe(false);
    expect(conditionsHold({ hours: "closed" }, facts)).toBe(false);
    expect(conditionsHold({ hours: "closed" }, { ...facts, open: false })).toBe(true);
    expect(conditionsHold({ returningContact: true }, facts)).toBe(false);
    expect(conditionsHold({ hasVehicle: false }, facts)).toBe(true);
    expect(conditionsHold({ departmentIds: [DEPT] }, facts)).toBe(false);
    expect(conditionsHold({ departmentIds: [DEPT] }, { ...facts, departmentId: DEPT })).toBe(true);
    expect(conditionsHold({ languages: ["da"] }, { ...facts, language: null })).toBe(false);
  });

  it("the page condition is a case-insensitive part of the address", () => {
    const onPage = { ...facts, startPage: "https://dealer.example/Occasions/volvo" };
    expect(conditionsHold({ pageContains: "/occasions/" }, onPage)).toBe(true);
    expect(conditionsHold({ pageContains: "/service" }, onPage)).toBe(false);
    expect(conditionsHold({ pageContains: "/occasions/" }, facts)).toBe(false);
  });

  it("the first matching rule in order wins; unreadable stored rules are skipped", () => {
    const rules = parseRules([
      { id: "r0", name: "Broken", conditions: { colour: "red" }, actions: { priority: "HIGH" } },
      { id: "r1", name: "Danish", conditions: { languages: ["da"] }, actions: { priority: "HIGH" } },
      { id: "r2", name: "Test drives", conditions: { keywords: ["proefrit"] }, actions: { priority: "HIGH" } },
      { id: "r3", name: "Everything", conditions: {}, actions: { priority: "LOW" } },
    ]);
    expect(rules.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(firstMatchingRule(rules, facts)?.name).toBe("Test drives");
    expect(firstMatchingRule(rules, { ...facts, firstMessage: "Hallo" })?.name).toBe("Everything");
    expect(firstMatchingRule([], facts)).toBeNull();
  });
});
