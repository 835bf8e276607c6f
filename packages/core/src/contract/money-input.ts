import { z } from "zod";

/**
 * An amount as people type it in any of our languages, as the exact decimal the order form
 * stores: "1.500,00", "1,500.00", "1 500,00", "€ 349", "349,-" and "EUR 149.5" all read. The last
 * separator followed by one or two digits is the decimal point; a separator followed by groups of
 * three digits groups thousands. Returns null for anything else (letters, two decimal points…).
 */
export function parseMoneyInput(raw: string): string | null {
  const text = raw
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^(€|eur|dkk|kr\.?)/i, "")
    .replace(/(€|eur|dkk|kr\.?)$/i, "")
    .replace(/[.,]-$/, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastSep = Math.max(text.lastIndexOf("."), text.lastIndexOf(","));
  let whole = text;
  let cents = "";
  if (lastSep >= 0 && /^\d{1,2}$/.test(text.slice(lastSep + 1))) {
    whole = text.slice(0, lastSep);
    cents = text.slice(lastSep + 1);
  }
  // What is left may only group thousands, with one kind of separator.
  if (/[.,]/.test(whole)) {
    const sep = whole.includes(".") ? "." : ",";
    if (whole.includes(sep === "." ? "," : ".") || !new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(whole)) return null;
    whole = whole.split(sep).join("");
  }
  const normalised = cents ? `${whole}.${cents.padEnd(2, "0")}` : whole;
  return /^\d{1,10}(\.\d{2})?$/.test(normalised) ? normalised.replace(/^0+(?=\d)/, "") : null;
}

/** An order-form amount: typed in any locale's way, stored as "1500.00". */
export const ZMoneyInput = z.string().transform((raw, ctx) => {
  const parsed = parseMoneyInput(raw);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: "Expected an amount such as 149,00 or 1.500,00" });
    return z.NEVER;
  }
  return parsed;
});
