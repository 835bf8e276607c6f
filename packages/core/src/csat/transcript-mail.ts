import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

type TLine = { at: Date; who: string; text: string };

const SUBJECT: Record<string, (dealer: string) => string> = {
  en: (d) => `Your conversation with ${d}`,
  nl: (d) => `Je gesprek met ${d}`,
  da: (d) => `Din samtale med ${d}`,
  de: (d) => `Ihr Gespräch mit ${d}`,
};
const INTRO: Record<string, (dealer: string) => string> = {
  en: (d) => `Here is your conversation with ${d}, as you asked.`,
  nl: (d) => `Hier is je gesprek met ${d}, zoals gevraagd.`,
  da: (d) => `Her er din samtale med ${d}, som du bad om.`,
  de: (d) => `Hier ist Ihr Gespräch mit ${d}, wie gewünscht.`,
};

/**
 * The transcript e-mail, in the contact's language: plain text (every value is the contact's or
 * the dealer's own text, never markup we build), dated times on the dealer's clock, one line per message.
 */
export function transcriptMail(input: {
  language: string | null;
  dealerName: string;
  timeZone: string;
  messages: TLine[];
}) {
  const lang = input.language && SUBJECT[input.language] ? input.language : "en";
  const lines = input.messages.map(
    (m) => `[${format(new TZDate(m.at, input.timeZone), "yyyy-MM-dd HH:mm")}] ${m.who}: ${m.text}`,
  );
  return {
    subject: SUBJECT[lang]!(input.dealerName),
    text: `${INTRO[lang]!(input.dealerName)}\n\n${lines.join("\n")}\n`,
  };
}
