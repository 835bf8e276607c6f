import { z } from "zod";

/*
 * Lead forms (docs/leads.md): a dealer's form definition, sent by an agent into a website chat
 * (a message whose content is `form_request`), filled in by the visitor (a FORM message whose
 * content is `form_result`, and a Lead row). Everything a visitor typed is untrusted text.
 */

export const LEAD_FORM_KINDS = ["TEST_DRIVE", "TRADE_IN", "SERVICE", "FINANCE"] as const;
export const ZLeadFormKind = z.enum(LEAD_FORM_KINDS);
export type TLeadFormKind = z.infer<typeof ZLeadFormKind>;

export const LEAD_FIELD_TYPES = ["text", "email", "phone", "date", "select", "vehicle", "textarea"] as const;
export const ZLeadFieldType = z.enum(LEAD_FIELD_TYPES);
export type TLeadFieldType = z.infer<typeof ZLeadFieldType>;

/** A field's key: what its answer is stored under (and the ADF builder recognises: name, email, phone…). */
const ZFieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, "Letters, digits and _; starts with a letter.");

export const ZLeadFormField = z
  .object({
    key: ZFieldKey,
    label: z.string().trim().min(1).max(100),
    type: ZLeadFieldType,
    required: z.boolean().default(false),
    /** The choices of a `select` field. */
    options: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  })
  .refine((f) => f.type !== "select" || (f.options?.length ?? 0) > 0, {
    message: "A select field needs options.",
    path: ["options"],
  });
export type TLeadFormField = z.infer<typeof ZLeadFormField>;

export const ZLeadFormFields = z
  .array(ZLeadFormField)
  .min(1)
  .max(30)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, {
    message: "Field keys must be unique.",
  });
export type TLeadFormFields = z.infer<typeof ZLeadFormFields>;

/** A `vehicle` field's answer: make, model and plate (and the year when the visitor knows it). */
export const ZLeadVehicleAnswer = z.object({
  make: z.string().trim().max(60).default(""),
  model: z.string().trim().max(60).default(""),
  year: z.string().trim().max(4).default(""),
  plate: z.string().trim().max(20).default(""),
});
export type TLeadVehicleAnswer = z.infer<typeof ZLeadVehicleAnswer>;

/** One answer as submitted: text for every type but `vehicle`. */
export const ZLeadAnswer = z.union([z.string().max(2000), ZLeadVehicleAnswer]);
export type TLeadAnswer = z.infer<typeof ZLeadAnswer>;

/** What the visitor sends: the form message it answers and the answers by field key (one answer per form message: a resend writes nothing new). */
export const ZSubmitLeadForm = z.object({
  conversationId: z.uuid(),
  /** The agent's form message (content `form_request`) this answers. */
  requestMessageId: z.uuid(),
  answers: z.record(z.string().max(40), ZLeadAnswer),
});
export type TSubmitLeadForm = z.input<typeof ZSubmitLeadForm>;

/** A lead's stored answers (Lead.data and the FORM message's content): each with its label and type. */
export const ZLeadData = z.object({
  formName: z.string().max(100),
  answers: z
    .array(
      z.object({
        key: z.string().max(40),
        label: z.string().max(100),
        type: ZLeadFieldType,
        value: ZLeadAnswer,
      }),
    )
    .max(30),
});
export type TLeadData = z.infer<typeof ZLeadData>;

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
