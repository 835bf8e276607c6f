"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/auth";

const ZSignInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  totpCode: z.string().trim().max(16).optional(),
});

export type TSignInState =
  | { error: null }
  | {
      error:
        | "invalid"
        | "suspended"
        | "customerSuspended"
        | "totpRequired"
        | "totpInvalid"
        | "missing"
        | "generic"
        | "rateLimitedAccount"
        | "rateLimitedIp";
      minutes?: number;
      email?: string;
    };

/** Maps a refusal code from auth.ts to a form error; the message text lives in messages/*.json. */
function refusal(code: string, email: string): TSignInState {
  const limited = /^rate_limited_(account|ip):(\d+)$/.exec(code);
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[2]) / 60));
    return { error: limited[1] === "ip" ? "rateLimitedIp" : "rateLimitedAccount", minutes, email };
  }
  if (code === "suspended") return { error: "suspended", email };
  if (code === "customer_suspended") return { error: "customerSuspended", email };
  if (code === "totp_required") return { error: "totpRequired", email };
  if (code === "totp_invalid") return { error: "totpInvalid", email };
  return { error: "invalid", email };
}

export async function signInAction(_previous: TSignInState, form: FormData): Promise<TSignInState> {
  const parsed = ZSignInForm.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    totpCode: form.get("totpCode") || undefined,
  });
  if (!parsed.success) return { error: "missing", email: String(form.get("email") ?? "") };
  try {
    const { totpCode, ...credentials } = parsed.data;
    await signIn("credentials", { ...credentials, ...(totpCode ? { totpCode } : {}), redirectTo: "/" });
    return { error: null };
  } catch (error) {
    if (error instanceof CredentialsSignin) return refusal(error.code, parsed.data.email);
    if (error instanceof AuthError) return { error: "generic", email: parsed.data.email };
    throw error; // NEXT_REDIRECT on success must propagate.
  }
}
