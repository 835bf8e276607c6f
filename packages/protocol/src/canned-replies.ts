import { z } from "zod";

/*
 * Canned replies and their variables. The composer fills them in when an agent inserts a reply
 * ("/" in the composer); Settings → Canned replies refuses a variable it does not know, so a
 * typo never reaches a customer as "{{contcat.name}}".
 */

export const CANNED_VARIABLES = ["contact.name", "contact.first_name", "agent.name", "dealer.name"] as const;
export type TCannedVariable = (typeof CANNED_VARIABLES)[number];
export type TCannedValues = Partial<Record<TCannedVariable, string | null>>;

const VARIABLE = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** The variables a body uses that do not exist. */
export function unknownCannedVariables(body: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of body.matchAll(VARIABLE))
    if (!(CANNED_VARIABLES as readonly string[]).includes(name!)) unknown.add(name!);
  return [...unknown];
}

/** The body with its variables filled; one without a value becomes empty (and the spacing around it tidied). */
export function fillCannedReply(body: string, values: TCannedValues): string {
  return body
    .replace(VARIABLE, (_, name: string) => values[name as TCannedVariable]?.trim() ?? "")
    .replace(/[ \t]+([,.!?;:])/g, "$1")
    .replace(/[ \t]{2,}/g, " ");
}

export const ZCannedShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a shortcut.")
  .max(32, "At most 32 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Letters, digits, - and _ only (typed after / in the composer).");

export const ZCannedReplyInput = z.object({
  /** Null: every dealer of the customer (only an administrator of all dealers may choose it). */
  dealerId: z.uuid().nullable(),
  shortcut: ZCannedShortcut,
  title: z.string().trim().min(1, "Enter a title.").max(80, "At most 80 characters."),
  body: z
    .string()
    .trim()
    .min(1, "Enter the reply.")
    .max(4000, "At most 4,000 characters.")
    .refine((b) => unknownCannedVariables(b).length === 0, {
      message: `Unknown variable. Use ${CANNED_VARIABLES.map((v) => `{{${v}}}`).join(", ")}.`,
    }),
});
export type TCannedReplyInput = z.infer<typeof ZCannedReplyInput>;
