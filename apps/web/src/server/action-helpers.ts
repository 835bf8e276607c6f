import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { clientIp } from "./client-ip";
import type { THandler, THandlerMeta, THandlerResult } from "./handlers/result";
import { getCurrentSession } from "./session";

/** The state a form's server action returns (useActionState): idle, or the handler's result. */
export type TActionState = { ok: null } | THandlerResult<unknown>;
export const IDLE: TActionState = { ok: null };

/**
 * FormData → plain object for core's zod schemas; `arrays` names multi-value fields (checkbox
 * groups). An empty field is left out, as if not sent, so optional fields of the schema apply.
 */
export function formObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    if (arrays.includes(key)) out[key] = form.getAll(key).map(String);
    else if (String(form.get(key) ?? "") !== "") out[key] = String(form.get(key));
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
  handler: THandler<T>,
  raw: unknown,
  revalidate: string[] = [],
): Promise<TActionState> {
  const session = await getCurrentSession();
  const result = await handler(session, raw, await requestMeta());
  if (result.ok) for (const path of revalidate) revalidatePath(path);
  return JSON.parse(JSON.stringify(result)) as TActionState;
}
