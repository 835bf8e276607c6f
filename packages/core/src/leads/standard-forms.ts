import type { TLeadFormFields, TLeadFormKind } from "@forecourt/protocol";

/**
 * The four standard forms every dealer starts with (seeded per dealer; Settings → Lead forms turns
 * them on and off). Field keys name, email, phone, vehicle, preferredDate and message are the ones
 * the ADF export maps to its own elements (build-adf.ts); other answers go into <comments>.
 */
export const STANDARD_LEAD_FORMS: { kind: TLeadFormKind; name: string; fields: TLeadFormFields }[] = [
  {
    kind: "TEST_DRIVE",
    name: "Test drive",
    fields: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "email", label: "E-mail", type: "email", required: true },
      { key: "phone", label: "Phone", type: "phone", required: false },
      { key: "vehicle", label: "Vehicle", type: "vehicle", required: true },
      { key: "preferredDate", label: "Preferred date", type: "date", required: true },
      { key: "message", label: "Comments", type: "textarea", required: false },
    ],
  },
  {
    kind: "TRADE_IN",
    name: "Trade-in valuation",
    fields: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "email", label: "E-mail", type: "email", required: true },
      { key: "phone", label: "Phone", type: "phone", required: false },
      { key: "vehicle", label: "Your vehicle", type: "vehicle", required: true },
      { key: "mileage", label: "Mileage (km)", type: "text", required: true },
      {
        key: "condition",
        label: "Condition",
        type: "select",
        required: true,
        options: ["Excellent", "Good", "Fair", "Poor"],
      },
      { key: "message", label: "Comments", type: "textarea", required: false },
    ],
  },
  {
    kind: "SERVICE",
    name: "Service booking",
    fields: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "phone", label: "Phone", type: "phone", required: true },
      { key: "email", label: "E-mail", type: "email", required: false },
      { key: "vehicle", label: "Vehicle", type: "vehicle", required: true },
      {
        key: "service",
        label: "Service",
        type: "select",
        required: true,
        options: ["Maintenance", "MOT / APK", "Tyres", "Repair", "Other"],
      },
      { key: "preferredDate", label: "Preferred date", type: "date", required: true },
      { key: "message", label: "Comments", type: "textarea", required: false },
    ],
  },
  {
    kind: "FINANCE",
    name: "Finance enquiry",
    fields: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "email", label: "E-mail", type: "email", required: true },
      { key: "phone", label: "Phone", type: "phone", required: true },
      { key: "vehicle", label: "Vehicle of interest", type: "vehicle", required: false },
      {
        key: "product",
        label: "Finance type",
        type: "select",
        required: true,
        options: ["Loan", "Lease", "Private lease", "Not sure yet"],
      },
      { key: "deposit", label: "Deposit", type: "text", required: false },
      { key: "message", label: "Comments", type: "textarea", required: false },
    ],
  },
];

/** The ADF vehicle@interest of each form kind. */
export const ADF_INTEREST: Record<TLeadFormKind, "buy" | "trade-in" | "test-drive" | "service"> = {
  TEST_DRIVE: "test-drive",
  TRADE_IN: "trade-in",
  SERVICE: "service",
  FINANCE: "buy",
};
