import type { TWidgetConfig, TWidgetLanguage } from "./index";

/** The languages the widget speaks (apps/widget/src/i18n.ts); here, so index.ts can import it. */
export const WIDGET_LANGUAGES = ["en", "nl", "da", "de"] as const;

/** The stock English texts, the defaults of the older single fields of the widget's settings. */
export const STOCK_WIDGET_TEXTS = {
  greeting: "Hi! How can we help you today?",
  consentText: "I agree that the dealer stores my details and messages to answer my question.",
  offlineText: "We are closed right now. Leave a message and we will get back to you.",
} as const;
export type TWidgetTextField = keyof typeof STOCK_WIDGET_TEXTS;

/**
 * The widget's language: the one the channel fixes, else the visitor's first browser language we
 * speak ("da-DK" → da), else English.
 */
export function widgetLanguage(config: Pick<TWidgetConfig, "language">, browserLanguages: readonly string[]) {
  if (config.language !== "auto") return config.language;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] as TWidgetLanguage;
    if (WIDGET_LANGUAGES.includes(primary)) return primary;
  }
  return "en";
}

/**
 * The dealer's text for a language: the text written for it; else the older single text when the
 * dealer changed it from the stock English (a text they wrote beats our translation of a text they
 * did not); else null, and the widget shows its own translation of the stock text.
 */
export function widgetText(
  config: Pick<TWidgetConfig, "texts" | TWidgetTextField>,
  field: TWidgetTextField,
  language: TWidgetLanguage,
): string | null {
  const written = config.texts[field][language]?.trim();
  if (written) return written;
  const single = config[field].trim();
  return single && single !== STOCK_WIDGET_TEXTS[field] ? single : null;
}
