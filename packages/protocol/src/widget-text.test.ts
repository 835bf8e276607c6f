import { describe, expect, it } from "vitest";
import { ZWidgetConfig } from "./index";
import { widgetLanguage, widgetText } from "./widget-text";

describe("the widget's language and texts", () => {
  it("follows the browser's first language we speak unless the channel fixes one", () => {
    const auto = ZWidgetConfig.parse({});
    expect(widgetLanguage(auto, ["da-DK", "en"])).toBe("da");
    expect(widgetLanguage(auto, ["fr-FR", "de-AT"])).toBe("de");
    expect(widgetLanguage(auto, ["fr-FR"])).toBe("en");
    expect(widgetLanguage(ZWidgetConfig.parse({ language: "nl" }), ["da-DK"])).toBe("nl");
  });

  it("takes the text written for the language, then the dealer's own single text, then none (the widget's stock translation)", () => {
    const config = ZWidgetConfig.parse({ texts: { greeting: { da: "Hej! Hvad kan vi hjælpe med?", de: "  " } } });
    expect(widgetText(config, "greeting", "da")).toBe("Hej! Hvad kan vi hjælpe med?");
    // Empty and the stock English default count as not written.
    expect(widgetText(config, "greeting", "de")).toBeNull();
    expect(widgetText(config, "consentText", "nl")).toBeNull();
    const own = ZWidgetConfig.parse({ greeting: "Welkom bij Van der Meer!" });
    expect(widgetText(own, "greeting", "de")).toBe("Welkom bij Van der Meer!");
  });

  it("refuses a language we do not ship and a text over its limit", () => {
    expect(ZWidgetConfig.safeParse({ texts: { greeting: { fr: "Bonjour" } } }).success).toBe(false);
    expect(ZWidgetConfig.safeParse({ language: "fr" }).success).toBe(false);
    expect(ZWidgetConfig.safeParse({ texts: { greeting: { nl: "x".repeat(281) } } }).success).toBe(false);
  });
});
