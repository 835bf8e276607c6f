/**
 * The widget's own strings: English, Dutch, Danish and German, chosen by the visitor's browser
 * language or by the host page (`Forecourt('setLocale', 'da')`).
 */
import type { TWidgetLanguage } from "@forecourt/protocol";
import { widgetLanguage } from "@forecourt/protocol/widget-text";

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
  formSend: "Send",
  formThanks: "Thanks! We have received your details.",
  formRequired: "Please fill this in.",
  formEmail: "Enter an e-mail address, like name@example.com.",
  formPhone: "Enter a phone number, like +31 6 1234 5678.",
  formDate: "Choose a date.",
  formMake: "Make",
  formModel: "Model",
  formYear: "Year",
  formPlate: "Licence plate",
  formOffer: {
    TEST_DRIVE: "Book a test drive",
    TRADE_IN: "Value my car",
    SERVICE: "Book a service",
    FINANCE: "Ask about finance",
  } as Record<string, string>,
  formsLabel: "Forms",
  // The stock texts, used where the dealer wrote none for this language (widget-text.ts).
  greeting: "Hi! How can we help you today?",
  consentText: "I agree that the dealer stores my details and messages to answer my question.",
  offlineText: "We are closed right now. Leave a message and we will get back to you.",
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
  formSend: "Versturen",
  formThanks: "Bedankt! We hebben uw gegevens ontvangen.",
  formRequired: "Vul dit veld in.",
  formEmail: "Vul een e-mailadres in, zoals naam@voorbeeld.nl.",
  formPhone: "Vul een telefoonnummer in, zoals 06 1234 5678.",
  formDate: "Kies een datum.",
  formMake: "Merk",
  formModel: "Model",
  formYear: "Bouwjaar",
  formPlate: "Kenteken",
  formOffer: {
    TEST_DRIVE: "Proefrit plannen",
    TRADE_IN: "Mijn auto laten taxeren",
    SERVICE: "Onderhoud plannen",
    FINANCE: "Vraag over financiering",
  },
  formsLabel: "Formulieren",
  // The stock texts, used where the dealer wrote none for this language (widget-text.ts).
  greeting: "Hallo! Waarmee kunnen we u helpen?",
  consentText: "Ik ga ermee akkoord dat de dealer mijn gegevens en berichten bewaart om mijn vraag te beantwoorden.",
  offlineText: "We zijn nu gesloten. Laat een bericht achter, dan nemen we contact met u op.",
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
  formSend: "Send",
  formThanks: "Tak! Vi har modtaget dine oplysninger.",
  formRequired: "Udfyld venligst dette felt.",
  formEmail: "Indtast en e-mailadresse, f.eks. navn@eksempel.dk.",
  formPhone: "Indtast et telefonnummer, f.eks. +45 12 34 56 78.",
  formDate: "Vælg en dato.",
  formMake: "Mærke",
  formModel: "Model",
  formYear: "Årgang",
  formPlate: "Nummerplade",
  formOffer: {
    TEST_DRIVE: "Book en prøvetur",
    TRADE_IN: "Vurder min bil",
    SERVICE: "Book service",
    FINANCE: "Spørg om finansiering",
  },
  formsLabel: "Formularer",
  // The stock texts, used where the dealer wrote none for this language (widget-text.ts).
  greeting: "Hej! Hvad kan vi hjælpe dig med?",
  consentText: "Jeg accepterer, at forhandleren gemmer mine oplysninger og beskeder for at besvare mit spørgsmål.",
  offlineText: "Vi har lukket lige nu. Efterlad en besked, så vender vi tilbage til dig.",
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
  formSend: "Senden",
  formThanks: "Danke! Wir haben Ihre Angaben erhalten.",
  formRequired: "Bitte füllen Sie dieses Feld aus.",
  formEmail: "Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.",
  formPhone: "Geben Sie eine Telefonnummer ein, z. B. +49 151 2345678.",
  formDate: "Wählen Sie ein Datum.",
  formMake: "Marke",
  formModel: "Modell",
  formYear: "Baujahr",
  formPlate: "Kennzeichen",
  formOffer: {
    TEST_DRIVE: "Probefahrt buchen",
    TRADE_IN: "Mein Auto bewerten",
    SERVICE: "Service buchen",
    FINANCE: "Frage zur Finanzierung",
  },
  formsLabel: "Formulare",
  // The stock texts, used where the dealer wrote none for this language (widget-text.ts).
  greeting: "Hallo! Wie können wir Ihnen helfen?",
  consentText:
    "Ich bin einverstanden, dass der Händler meine Angaben und Nachrichten speichert, um meine Frage zu beantworten.",
  offlineText: "Wir haben gerade geschlossen. Hinterlassen Sie eine Nachricht, wir melden uns bei Ihnen.",
};
const LOCALES: Record<string, typeof en> = { en, nl, da, de };
/** The locales `setLocale` accepts (a region such as "de-AT" uses its language). */
export const WIDGET_LOCALES = Object.keys(LOCALES);

const pick = (tag: string) => LOCALES[tag.toLowerCase().split(/[-_]/)[0] ?? ""];
// The first of the browser's languages we speak (navigator.languages: "fr-FR, da-DK, en" → da).
export let t: typeof en =
  LOCALES[widgetLanguage({ language: "auto" }, navigator.languages ?? [navigator.language])] ?? en;
export let locale = (WIDGET_LOCALES.find((l) => LOCALES[l] === t) ?? "en") as TWidgetLanguage;
// The frame's document says its language (screen readers pronounce accordingly; WCAG 3.1.1).
document.documentElement.lang = locale;

/** Switches the widget's language; false (nothing changes) for a locale it does not ship. */
export function setLocale(tag: unknown): boolean {
  const next = typeof tag === "string" ? pick(tag) : undefined;
  if (!next) return false;
  t = next;
  locale = (WIDGET_LOCALES.find((l) => LOCALES[l] === next) ?? "en") as TWidgetLanguage;
  document.documentElement.lang = locale;
  return true;
}
