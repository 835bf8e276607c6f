import { XMLBuilder } from "fast-xml-parser";
import type { TLeadAnswer, TLeadData, TLeadFormKind, TLeadVehicleAnswer } from "@forecourt/protocol";
import { ADF_INTEREST } from "./standard-forms";

/** What the ADF export needs of a lead (no I/O: the export job loads it). */
export type TAdfLead = {
  id: string;
  kind: TLeadFormKind;
  createdAt: Date;
  data: TLeadData;
  dealerName: string;
  /** The platform's name in <provider>. */
  providerName: string;
};

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
  // Text and attribute values are escaped (& < > " '): visitor input never becomes markup.
  processEntities: true,
});

const ADF_CONDITIONS = new Set(["excellent", "good", "fair", "poor"]);

function text(value: TLeadAnswer | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

function vehicleOf(value: TLeadAnswer | undefined): TLeadVehicleAnswer | null {
  return value && typeof value === "object" ? value : null;
}

/** XML 1.0 cannot carry most control characters at all, escaped or not: they are dropped. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/**
 * A lead as ADF/XML (Auto-lead Data Format 1.0, the format dealer CRMs import): one <prospect>
 * with the request date, the vehicle (interest by form kind: buy, trade-in, test-drive, service),
 * the customer's contact, the preferred date as <timeframe><earliestdate>, every other answer in
 * <comments> as "Label: value" lines, the dealer as <vendor> and the platform as <provider>.
 * Elements are in the order the ADF DTD gives them. Built with fast-xml-parser's XMLBuilder, which
 * escapes every value; the two processing instructions are fixed text.
 */
export function buildAdf(lead: TAdfLead): string {
  const byKey = new Map(lead.data.answers.map((a) => [a.key, a]));
  const vehicleAnswer = lead.data.answers.find((a) => a.type === "vehicle");
  const vehicle = vehicleOf(vehicleAnswer?.value);
  const name = text(byKey.get("name")?.value);
  const email = lead.data.answers.find((a) => a.type === "email" && text(a.value));
  const phone = lead.data.answers.find((a) => a.type === "phone" && text(a.value));
  const date = lead.data.answers.find((a) => a.type === "date" && text(a.value));
  const mileage = text(byKey.get("mileage")?.value).replace(/[^\d]/g, "");
  const condition = text(byKey.get("condition")?.value).toLowerCase();
  const used = new Set([vehicleAnswer, email, phone, date, byKey.get("name")].filter(Boolean));
  if (lead.kind === "TRADE_IN") {
    if (mileage) used.add(byKey.get("mileage"));
    if (ADF_CONDITIONS.has(condition)) used.add(byKey.get("condition"));
  }

  const comments: string[] = [`${lead.data.formName}`];
  for (const a of lead.data.answers) {
    if (used.has(a)) continue;
    const value = typeof a.value === "string" ? a.value.trim() : "";
    if (value) comments.push(`${a.label}: ${value}`);
  }

  const vehicleNode: Record<string, unknown> = {
    "@_interest": ADF_INTEREST[lead.kind],
    ...(lead.kind === "TRADE_IN" ? { "@_status": "used" } : {}),
    year: clean(vehicle?.year ?? ""),
    make: clean(vehicle?.make ?? ""),
    model: clean(vehicle?.model ?? ""),
  };
  if (lead.kind === "TRADE_IN" && mileage) vehicleNode.odometer = { "#text": mileage, "@_units": "km" };
  if (lead.kind === "TRADE_IN" && ADF_CONDITIONS.has(condition)) vehicleNode.condition = condition;
  if (vehicle?.plate) vehicleNode.comments = clean(`Licence plate: ${vehicle.plate}`);

  const contact: Record<string, unknown> = { name: { "#text": clean(name), "@_part": "full" } };
  if (email) contact.email = clean(text(email.value));
  if (phone) contact.phone = clean(text(phone.value));
  const customer: Record<string, unknown> = { contact };
  if (date) customer.timeframe = { earliestdate: clean(text(date.value)) };
  customer.comments = clean(comments.join("\n"));

  const body = builder.build({
    adf: {
      prospect: {
        id: { "#text": lead.id, "@_sequence": "1", "@_source": lead.providerName },
        requestdate: lead.createdAt.toISOString().replace(/\.\d{3}Z$/, "+00:00"),
        vehicle: vehicleNode,
        customer,
        vendor: { vendorname: clean(lead.dealerName) },
        provider: { name: { "#text": clean(lead.providerName), "@_part": "full" } },
      },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?ADF VERSION "1.0"?>\n${body.trim()}\n`;
}
