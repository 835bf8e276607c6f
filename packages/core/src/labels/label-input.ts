import { z } from "zod";

/** The palette a label may take (Label.color): names the UI maps to its own classes, never free CSS. */
export const LABEL_COLORS = ["zinc", "red", "amber", "green", "blue", "violet", "pink", "teal"] as const;
export const ZLabelColor = z.enum(LABEL_COLORS);
export type TLabelColor = z.infer<typeof ZLabelColor>;

export const ZLabelName = z.string().trim().min(1, "Give the label a name.").max(40, "At most 40 characters.");

/** A new label: for one dealer, or (dealerId null, unscoped staff only) for every dealer of the customer. */
export const ZCreateLabel = z.object({
  dealerId: z.uuid().nullable(),
  name: ZLabelName,
  color: ZLabelColor.default("zinc"),
});
export type TCreateLabel = z.input<typeof ZCreateLabel>;

export const ZListLabels = z.object({ dealerId: z.uuid().optional() });

export const ZSetConversationLabel = z.object({
  conversationId: z.uuid(),
  labelId: z.uuid(),
  action: z.enum(["add", "remove"]),
});

/** A label as the inbox shows it. */
export type TLabelView = { id: string; dealerId: string | null; name: string; color: TLabelColor };

export function labelView(l: { id: string; dealerId: string | null; name: string; color: string }): TLabelView {
  const color = ZLabelColor.safeParse(l.color);
  return { id: l.id, dealerId: l.dealerId, name: l.name, color: color.success ? color.data : "zinc" };
}
