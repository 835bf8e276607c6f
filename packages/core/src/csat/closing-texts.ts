/** The closing message in the contact's language (en when unknown). Plain text: every channel shows it. */
const CLOSING: Record<string, (dealer: string, link: string) => string> = {
  en: (d, l) =>
    `Thanks for chatting with ${d}. This conversation is now closed. How did we do? Rate us, or get the transcript by e-mail: ${l}`,
  nl: (d, l) =>
    `Bedankt voor je gesprek met ${d}. Dit gesprek is nu gesloten. Hoe hebben we het gedaan? Geef een beoordeling of ontvang het gesprek per e-mail: ${l}`,
  da: (d, l) =>
    `Tak for din samtale med ${d}. Samtalen er nu lukket. Hvordan klarede vi os? Giv en vurdering, eller få samtalen på e-mail: ${l}`,
  de: (d, l) =>
    `Danke für Ihr Gespräch mit ${d}. Dieses Gespräch ist jetzt geschlossen. Wie waren wir? Bewerten Sie uns oder erhalten Sie das Gespräch per E-Mail: ${l}`,
};

export function closingText(language: string | null, dealerName: string, link: string): string {
  return (CLOSING[language ?? "en"] ?? CLOSING.en!)(dealerName, link);
}
