import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { clientIp } from "./client-ip";
import type { THandlerMeta, THandlerResult } from "./handlers/result";
import { NUL_MESSAGE } from "./http/no-nul";
import { getCurrentSession } from "./session";

/** The state a form's server action returns (useActionState): idle, or the handler's result. */
export type TActionState = { ok: null } | THandlerResult<unknown>;
export const IDLE: TActionState = { ok: null };

/**
 * Marks a form refused at the edge (formObject): it carries no fields, so whichever handler
 * gets it fails its schema (400) and nothing of it reaches the database; runAction answers it
 * with the message.
 */
const REFUSED = Symbol("form refused");
type TRefusedForm = { [REFUSED]: string };

function refusedMessage(raw: unknown): string | null {
  return raw && typeof raw === "object" && REFUSED in raw ? (raw as TRefusedForm)[REFUSED] : null;
}

/**
 * FormData → plain object for zod; `arrays` names multi-value fields (checkbox groups). A form
 * with U+0000 in any field (PostgreSQL text cannot hold it) is refused as a whole.
 */
export function formObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  for (const [key, value] of form.entries()) {
    if (key.includes("\u0000") || (typeof value === "string" ? value : value.name).includes("\u0000")) {
      return { [REFUSED]: NUL_MESSAGE } satisfies TRefusedForm;
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = arrays.includes(key) ? form.getAll(key).map(String) : String(form.get(key) ?? "");
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

export async function requestMeta(): Promise<THandlerMeta> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent") };
}

/** Runs a handler for the current session, revalidates on success, and returns a serialisable state. */
export async function runAction<T>(
  handler: (session: TSessionContext | null, raw: unknown, meta: THandlerMeta) => Promise<THandlerResult<T>>,
  raw: unknown,
  revalidate: string[] = [],
): Promise<TActionState> {
  const refused = refusedMessage(raw);
  if (refused) return { ok: false, status: 400, error: "invalid_input", message: refused };
  const session = await getCurrentSession();
  const result = await handler(session, raw, await requestMeta());
  if (result.ok) for (const path of revalidate) revalidatePath(path);
  return JSON.parse(JSON.stringify(result)) as TActionState;
}
