/**
 * Splits an e-mail's plain text into what the sender wrote now and the rest (the quoted earlier
 * mail, the signature), which the inbox folds away behind "Show quoted text". Heuristics, in
 * the languages our dealers' customers write: a line "On … wrote:" (Dutch "Op … schreef",
 * German "Am … schrieb", Danish "Den … skrev", French "Le … a écrit"), Outlook's
 * "-----Original Message-----" / "From: … Sent: …" block or its underscore rule, a run of
 * "> " lines, the "-- " signature separator, and phone footers ("Sent from my iPhone").
 * When the first line already is a quote (top-quoting from a forward), nothing is folded.
 */
const ATTRIBUTION = [
  /^\s*on\b.{0,200}\bwrote:\s*$/i,
  /^\s*op\b.{0,200}\bschreef.{0,80}:\s*$/i,
  /^\s*am\b.{0,200}\bschrieb.{0,80}:\s*$/i,
  /^\s*den\b.{0,200}\bskrev.{0,80}:\s*$/i,
  /^\s*le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^\s*-{2,}\s*(original message|oorspronkelijk bericht|ursprüngliche nachricht|oprindelig meddelelse|message d'origine)\s*-{2,}\s*$/i,
  /^\s*_{20,}\s*$/,
  /^\s*(from|van|von|fra|de)\s*:\s*.+$/i, // only counts when followed by a Sent:/Date: line (below)
];
const OUTLOOK_NEXT = /^\s*(sent|date|verzonden|datum|gesendet|sendt|envoyé)\s*:/i;
const SIGNATURE = [
  /^-- ?$/,
  /^\s*(sent from my|verzonden vanaf mijn|von meinem .* gesendet|sendt fra min|envoyé de mon)\b/i,
  /^\s*get outlook for (ios|android)/i,
];

export type TSplitText = { main: string; folded: string };

export function splitQuotedText(text: string): TSplitText {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const attribution = ATTRIBUTION.findIndex((re) => re.test(line));
    if (attribution >= 0) {
      const isFromLine = attribution === ATTRIBUTION.length - 1;
      if (!isFromLine || OUTLOOK_NEXT.test(lines[i + 1] ?? "") || OUTLOOK_NEXT.test(lines[i + 2] ?? "")) {
        cut = i;
        break;
      }
    }
    // Gmail wraps a long attribution over two lines: "On Tue, 1 Dec 2026 at 10:00, Jan" / "<jan@x> wrote:".
    if (/^\s*(on|op|am|den)\b/i.test(line) && /\b(wrote|schreef|schrieb|skrev):\s*$/i.test(lines[i + 1] ?? "")) {
      cut = i;
      break;
    }
    if (
      line.startsWith(">") &&
      (lines.slice(i).every((l) => l.startsWith(">") || l.trim() === "") || lines[i + 1]?.startsWith(">"))
    ) {
      cut = i;
      break;
    }
    if (SIGNATURE.some((re) => re.test(line))) {
      cut = i;
      break;
    }
  }
  if (cut < 0) return { main: text.trim(), folded: "" };
  const main = lines.slice(0, cut).join("\n").trim();
  if (!main) return { main: text.trim(), folded: "" };
  return { main, folded: lines.slice(cut).join("\n").trim() };
}
