import { describe, expect, it } from "vitest";
import { smsSegments } from "./sms-segments";

describe("smsSegments", () => {
  it("counts GSM-7 text in septets: 160 in one part, 153 per part after that", () => {
    expect(smsSegments("")).toMatchObject({ encoding: "GSM-7", segments: 0 });
    expect(smsSegments("Your car is ready.")).toMatchObject({ encoding: "GSM-7", segments: 1, units: 18 });
    expect(smsSegments("a".repeat(160))).toMatchObject({ segments: 1, remainingInSegment: 0 });
    expect(smsSegments("a".repeat(161))).toMatchObject({ segments: 2, remainingInSegment: 153 * 2 - 161 });
    expect(smsSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("charges two septets for the extension table and never splits the escape pair", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 plain septets, then a two-septet "€": it cannot start in the last septet of part one.
    expect(smsSegments(`${"a".repeat(152)}€${"a".repeat(10)}`)).toMatchObject({ units: 164, segments: 2 });
    expect(smsSegments("Prijs: €12 {incl. btw}")).toMatchObject({ encoding: "GSM-7" });
    expect(smsSegments("Grüße aus Köln, Ñoño, Åse, Ærø, señor")).toMatchObject({ encoding: "GSM-7" });
  });

  it("switches to UCS-2 for any other character: 70 units, then 67 per part", () => {
    const polish = smsSegments("Dzień dobry");
    expect(polish).toMatchObject({ encoding: "UCS-2", segments: 1, units: 11, nonGsmCharacters: ["ń"] });
    expect(smsSegments(`${"a".repeat(69)}ł`)).toMatchObject({ encoding: "UCS-2", segments: 1, units: 70 });
    expect(smsSegments(`${"a".repeat(70)}ł`)).toMatchObject({ segments: 2 });
    expect(smsSegments("“quoted”")).toMatchObject({ encoding: "UCS-2" });
    expect(smsSegments("Ñandú")).toMatchObject({ encoding: "UCS-2", nonGsmCharacters: ["ú"] });
  });

  it("counts an emoji as two UTF-16 units and keeps the surrogate pair in one part", () => {
    expect(smsSegments("👍")).toMatchObject({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(smsSegments("👍".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji: the pair does not fit in part one's last unit.
    expect(smsSegments(`${"a".repeat(66)}👍${"a".repeat(3)}`)).toMatchObject({ units: 71, segments: 2 });
  });
});
