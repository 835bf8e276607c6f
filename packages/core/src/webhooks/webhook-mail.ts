/** da and de users get the English mail until these are translated. */
type TLocale = "en" | "nl" | "da" | "de";

/** To the tenant's owners and administrators when the platform turned an endpoint off. Plain text. */
export function endpointDisabledMail(input: {
  locale: TLocale;
  customerName: string;
  url: string;
  reason: "gone" | "failing";
  link: string;
}) {
  if (input.locale === "nl") {
    const why =
      input.reason === "gone"
        ? "de ontvanger antwoordde 410 Gone"
        : "alle pogingen om een bericht af te leveren zijn mislukt (ongeveer 24 uur lang)";
    return {
      subject: `Webhook uitgeschakeld voor ${input.customerName}`,
      text: `Forecourt heeft de webhook naar ${input.url} uitgeschakeld: ${why}.\n\nBekijk het afleverlogboek, herstel de ontvanger en zet de webhook weer aan:\n${input.link}\n`,
    };
  }
  const why =
    input.reason === "gone"
      ? "the receiver answered 410 Gone"
      : "every attempt to deliver a message failed (for about 24 hours)";
  return {
    subject: `Webhook disabled for ${input.customerName}`,
    text: `Forecourt disabled the webhook to ${input.url}: ${why}.\n\nSee its delivery log, fix the receiver and enable the webhook again:\n${input.link}\n`,
  };
}
