import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildAdf, type TAdfLead } from "./build-adf";

const base: TAdfLead = {
  id: "6f1e3c52-8a0e-4f57-9d59-7f0f0c4c2a11",
  kind: "TEST_DRIVE",
  createdAt: new Date("2026-12-02T10:00:00.123Z"),
  dealerName: "Garage <Jansen> & Zn",
  providerName: "Forecourt",
  data: {
    formName: "Test drive",
    answers: [
      { key: "name", label: "Name", type: "text", value: 'Jan "JJ" <b>Jansen</b> & co' },
      { key: "email", label: "E-mail", type: "email", value: "jan@example.com" },
      { key: "phone", label: "Phone", type: "phone", value: "+31 6 1234 5678" },
      {
        key: "vehicle",
        label: "Vehicle",
        type: "vehicle",
        value: { make: "Volvo", model: "V60", year: "2024", plate: "AB-12-CD" },
      },
      { key: "preferredDate", label: "Preferred date", type: "date", value: "2026-12-10" },
      { key: "message", label: "Comments", type: "textarea", value: "</comments><x>1</x>\u0007 ok" },
    ],
  },
};

type TNode = Record<string, unknown> & { ":@"?: Record<string, string> };
/** The parsed document, read loosely (the assertions say what must be there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TLoose = any;
const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: true,
});
const plain = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: true,
  parseTagValue: false,
});

/** The element names of a preserveOrder node list (text nodes and processing instructions left out). */
const names = (nodes: TNode[]) =>
  nodes.map((n) => Object.keys(n).find((k) => k !== ":@")!).filter((k) => k !== "#text" && !k.startsWith("?"));
const child = (nodes: TNode[], name: string) => nodes.find((n) => name in n)![name] as TNode[];

describe("buildAdf", () => {
  it("is well-formed ADF 1.0 with the prologue, the required elements in DTD order", () => {
    const xml = buildAdf(base);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?ADF VERSION "1.0"?>\n<adf>')).toBe(true);
    const doc = ordered.parse(xml) as TNode[];
    expect(names(doc)).toEqual(["adf"]);
    const prospect = child(child(doc, "adf"), "prospect");
    expect(names(prospect)).toEqual(["id", "requestdate", "vehicle", "customer", "vendor", "provider"]);
    const vehicle = prospect.find((n) => "vehicle" in n)!;
    expect(vehicle[":@"]).toEqual({ interest: "test-drive" });
    expect(names(child(prospect, "vehicle"))).toEqual(["year", "make", "model", "comments"]);
    const customer = child(prospect, "customer");
    expect(names(customer)).toEqual(["contact", "timeframe", "comments"]);
    expect(names(child(customer, "contact"))).toEqual(["name", "email", "phone"]);
    expect(names(child(prospect, "vendor"))).toEqual(["vendorname"]);
    expect(names(child(prospect, "provider"))).toEqual(["name"]);
  });

  it("carries the answers, escaped: markup a visitor typed stays text", () => {
    const xml = buildAdf(base);
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("<x>");
    expect(xml).toContain("&lt;b&gt;Jansen&lt;/b&gt; &amp; co");
    expect(xml).toContain("&quot;JJ&quot;");
    const { prospect } = (plain.parse(xml) as { adf: { prospect: TLoose } }).adf;
    expect(prospect.requestdate).toBe("2026-12-02T10:00:00+00:00");
    expect(prospect.vehicle).toMatchObject({
      year: "2024",
      make: "Volvo",
      model: "V60",
      comments: "Licence plate: AB-12-CD",
    });
    expect(prospect.customer.contact).toMatchObject({
      name: { "#text": 'Jan "JJ" <b>Jansen</b> & co', "@part": "full" },
      email: "jan@example.com",
      phone: "+31 6 1234 5678",
    });
    expect(prospect.customer.timeframe).toEqual({ earliestdate: "2026-12-10" });
    // The bell character cannot be carried by XML 1.0: dropped, the rest kept.
    expect(prospect.customer.comments).toBe("Test drive\nComments: </comments><x>1</x> ok");
    expect(prospect.vendor.vendorname).toBe("Garage <Jansen> & Zn");
    expect(prospect.id).toMatchObject({ "#text": base.id, "@source": "Forecourt" });
  });

  it("maps each kind to its interest; a trade-in is used, with odometer and condition", () => {
    const interest = (kind: TAdfLead["kind"]) =>
      (plain.parse(buildAdf({ ...base, kind })) as TLoose).adf.prospect.vehicle["@interest"];
    expect(interest("TEST_DRIVE")).toBe("test-drive");
    expect(interest("TRADE_IN")).toBe("trade-in");
    expect(interest("SERVICE")).toBe("service");
    expect(interest("FINANCE")).toBe("buy");
    const xml = buildAdf({
      ...base,
      kind: "TRADE_IN",
      data: {
        formName: "Trade-in valuation",
        answers: [
          ...base.data.answers.slice(0, 4),
          { key: "mileage", label: "Mileage (km)", type: "text", value: "85.000" },
          { key: "condition", label: "Condition", type: "select", value: "Good" },
        ],
      },
    });
    const vehicle = (plain.parse(xml) as TLoose).adf.prospect.vehicle;
    expect(vehicle).toMatchObject({
      "@status": "used",
      odometer: { "#text": "85000", "@units": "km" },
      condition: "good",
    });
  });

  it("keeps year, make and model (empty) when the form asked no vehicle; only what was given in contact", () => {
    const xml = buildAdf({
      ...base,
      kind: "FINANCE",
      data: { formName: "Finance enquiry", answers: [{ key: "name", label: "Name", type: "text", value: "Piet" }] },
    });
    const doc = ordered.parse(xml) as TNode[];
    const prospect = child(child(doc, "adf"), "prospect");
    expect(names(child(prospect, "vehicle"))).toEqual(["year", "make", "model"]);
    expect(names(child(child(prospect, "customer"), "contact"))).toEqual(["name"]);
  });
});
