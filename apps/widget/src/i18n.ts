/**
 * The widget's own strings: English, Dutch, Danish and German, chosen by the visitor's browser
 * language or by the host page (`Forecourt('setLocale', 'da')`).
 */
const en = {
  start: "Start chat",
  name: "Name",
  email: "E-mail",
  phone: "Phone",
  optional: "optional",
  department: "Department",
  any: "No preference",
  message: "Your message",
  send: "Send",
  rateLink: "Rate us and get the transcript",
  attach: "Attach a file",
  placeholder: "Write a message…",
  typing: "is typing…",
  seen: "Seen",
  sending: "Sending…",
  failed: "Not sent yet; retrying",
  notSent: "Not sent",
  sessionEnded: "This chat has ended. Please start a new one.",
  close: "Close chat",
  offline: "Leave a message",
  offlineSent: "Thanks! We will get back to you by e-mail.",
  error: "Something went wrong. Please try again.",
  you: "You",
  loadOlder: "Load older messages",
};
const nl: typeof en = {
  start: "Chat starten",
  name: "Naam",
  email: "E-mail",
  phone: "Telefoon",
  optional: "optioneel",
  department: "Afdeling",
  any: "Geen voorkeur",
  message: "Uw bericht",
  send: "Versturen",
  rateLink: "Beoordeel ons en ontvang het gesprek",
  attach: "Bestand toevoegen",
  placeholder: "Schrijf een bericht…",
  typing: "is aan het typen…",
  seen: "Gelezen",
  sending: "Versturen…",
  failed: "Nog niet verstuurd; we proberen het opnieuw",
  notSent: "Niet verstuurd",
  sessionEnded: "Dit gesprek is beëindigd. Begin een nieuw gesprek.",
  close: "Chat sluiten",
  offline: "Laat een bericht achter",
  offlineSent: "Bedankt! We nemen per e-mail contact met u op.",
  error: "Er ging iets mis. Probeer het opnieuw.",
  you: "U",
  loadOlder: "Oudere berichten laden",
};
const da: typeof en = {
  start: "Start chat",
  name: "Navn",
  email: "E-mail",
  phone: "Telefon",
  optional: "valgfrit",
  department: "Afdeling",
  any: "Ingen præference",
  message: "Din besked",
  send: "Send",
  rateLink: "Bedøm os, og få samtalen",
  attach: "Vedhæft en fil",
  placeholder: "Skriv en besked…",
  typing: "skriver…",
  seen: "Set",
  sending: "Sender…",
  failed: "Ikke sendt endnu; prøver igen",
  notSent: "Ikke sendt",
  sessionEnded: "Denne chat er afsluttet. Start venligst en ny.",
  close: "Luk chat",
  offline: "Efterlad en besked",
  offlineSent: "Tak! Vi vender tilbage til dig på e-mail.",
  error: "Noget gik galt. Prøv igen.",
  you: "Dig",
  loadOlder: "Indlæs ældre beskeder",
};
const de: typeof en = {
  start: "Chat starten",
  name: "Name",
  email: "E-Mail",
  phone: "Telefon",
  optional: "optional",
  department: "Abteilung",
  any: "Keine Präferenz",
  message: "Ihre Nachricht",
  send: "Senden",
  rateLink: "Bewerten Sie uns und erhalten Sie das Gespräch",
  attach: "Datei anhängen",
  placeholder: "Nachricht schreiben…",
  typing: "schreibt…",
  seen: "Gelesen",
  sending: "Wird gesendet…",
  failed: "Noch nicht gesendet; neuer Versuch",
  notSent: "Nicht gesendet",
  sessionEnded: "Dieser Chat ist beendet. Bitte starten Sie einen neuen.",
  close: "Chat schließen",
  offline: "Nachricht hinterlassen",
  offlineSent: "Danke! Wir melden uns per E-Mail bei Ihnen.",
  error: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
  you: "Sie",
  loadOlder: "Ältere Nachrichten laden",
};
const LOCALES: Record<string, typeof en> = { en, nl, da, de };
/** The locales `setLocale` accepts (a region such as "de-AT" uses its language). */
export const WIDGET_LOCALES = Object.keys(LOCALES);

const pick = (tag: string) => LOCALES[tag.toLowerCase().split(/[-_]/)[0] ?? ""];
export let t: typeof en = pick(navigator.language) ?? en;
export let locale = WIDGET_LOCALES.find((l) => LOCALES[l] === t) ?? "en";

/** Switches the widget's language; false (nothing changes) for a locale it does not ship. */
export function setLocale(tag: unknown): boolean {
  const next = typeof tag === "string" ? pick(tag) : undefined;
  if (!next) return false;
  t = next;
  locale = WIDGET_LOCALES.find((l) => LOCALES[l] === next) ?? "en";
  return true;
}
