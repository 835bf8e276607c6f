/**
 * The account e-mails, in the recipient's language. Plain text only; every value we insert is
 * text, never markup. Links carry a single-use token (only its hash is stored).
 */
/** da and de users get the English mail until these are translated. */
type TLocale = "en" | "nl" | "da" | "de";

export function invitationMail(input: {
  locale: TLocale;
  customerName: string;
  inviterName: string;
  link: string;
  expiresHours: number;
}) {
  if (input.locale === "nl") {
    return {
      subject: `Uitnodiging voor ${input.customerName} op Forecourt`,
      text: `${input.inviterName} heeft je uitgenodigd voor ${input.customerName} op Forecourt.\n\nKies hier je wachtwoord (de link werkt één keer en verloopt over ${input.expiresHours} uur):\n${input.link}\n\nVerwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.\n`,
    };
  }
  return {
    subject: `You're invited to ${input.customerName} on Forecourt`,
    text: `${input.inviterName} invited you to ${input.customerName} on Forecourt.\n\nSet your password here (the link works once and expires in ${input.expiresHours} hours):\n${input.link}\n\nIf you did not expect this invitation, you can ignore this e-mail.\n`,
  };
}

export function passwordResetMail(input: { locale: TLocale; link: string; expiresHours: number; replaced: boolean }) {
  if (input.locale === "nl") {
    return {
      subject: input.replaced ? "Je Forecourt-account is vernieuwd" : "Stel een nieuw Forecourt-wachtwoord in",
      text: `${input.replaced ? "Je account is vernieuwd en al je sessies zijn beëindigd. " : ""}Kies hier een nieuw wachtwoord (de link werkt één keer en verloopt over ${input.expiresHours} uur):\n${input.link}\n\nHeb je dit niet aangevraagd? Neem dan contact op met je beheerder.\n`,
    };
  }
  return {
    subject: input.replaced ? "Your Forecourt account was replaced" : "Set a new Forecourt password",
    text: `${input.replaced ? "Your account's credentials were replaced and all your sessions were ended. " : ""}Choose a new password here (the link works once and expires in ${input.expiresHours} hours):\n${input.link}\n\nIf you did not ask for this, contact your administrator.\n`,
  };
}

export function misuseReportMail(input: {
  customerName: string;
  customerId: string;
  reporterEmail: string;
  subjectEmail: string | null;
  description: string;
  reportId: string;
}) {
  return {
    subject: `[Forecourt] Suspected misuse reported by ${input.customerName}`,
    text: [
      `Customer: ${input.customerName} (${input.customerId})`,
      `Reported by: ${input.reporterEmail}`,
      `Account concerned: ${input.subjectEmail ?? "(not named)"}`,
      `Report id: ${input.reportId}`,
      "",
      input.description,
      "",
      "L 1.1.3: the provider may suspend, disable or replace the account from the provider console.",
    ].join("\n"),
  };
}
