"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { TActionState } from "@/server/action-helpers";

type TAction = (input: unknown) => Promise<TActionState>;

/**
 * Runs one of the channel server actions with a plain object (so a form keeps what was typed
 * when it is refused) and keeps its last result: pending, the refusal, the input issues.
 */
export function useChannelAction(action: TAction) {
  const [state, setState] = useState<TActionState>({ ok: null });
  const [pending, startTransition] = useTransition();
  function run(input: unknown, onDone?: (state: TActionState) => void) {
    startTransition(async () => {
      const result = await action(input);
      setState(result);
      onDone?.(result);
    });
  }
  return { state, pending, run, reset: () => setState({ ok: null }) };
}

/**
 * The refusal's text: this page's message for the code, else the shared one; a business rule's
 * own message (422, e.g. Meta's reason a send failed) before "try again".
 */
export function useRefusalText() {
  const t = useTranslations("channels.errors");
  const ta = useTranslations("accounts.errors");
  return (state: TActionState): string | null => {
    if (state.ok !== false) return null;
    if (t.has(state.error)) return t(state.error);
    if (ta.has(state.error)) return ta(state.error);
    return state.status === 422 && state.message ? state.message : ta("generic");
  };
}

/** Input paths → the localised hint shown under that field (core's zod messages are English). */
const FIELD_HINTS: Record<string, string> = {
  dealerId: "dealer",
  name: "name",
  "config.phoneNumberId": "metaId",
  "config.wabaId": "metaId",
  "config.pageId": "metaId",
  "config.displayPhoneNumber": "tooLong",
  "config.pageName": "tooLong",
  "secrets.accessToken": "token",
  "secrets.pageAccessToken": "token",
  "secrets.appSecret": "token",
  "config.accountSid": "twilioSid",
  "config.messagingServiceSid": "twilioSid",
  "config.fromNumber": "sender",
  "secrets.authToken": "authToken",
  secrets: "oneValue",
  botToken: "botToken",
  to: "recipient",
  fromName: "required",
  fromAddress: "emailAddress",
  text: "text",
};

/** The message for one field of a refused form, or null. */
export function useFieldError(state: TActionState) {
  const t = useTranslations("channels.fieldErrors");
  return (path: string): string | null => {
    if (state.ok !== false || !state.issues) return null;
    const issue = state.issues.find((i) => i.path === path);
    if (!issue) return null;
    const hint = FIELD_HINTS[path];
    return hint ? t(hint) : t("invalid");
  };
}
