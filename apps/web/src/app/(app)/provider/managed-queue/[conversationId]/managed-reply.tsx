"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/accounts/action-form";
import type { TActionState } from "@/server/action-helpers";
import { sendManagedReplyAction } from "@/server/actions/managed-queue";
import { Outcome } from "@/app/(app)/settings/channels/form-bits";
import { Field } from "@/components/forms/field";

const IDLE: TActionState = { ok: null };

/**
 * The managed agent's reply box: one clientId per reply (a resend of the same one writes
 * nothing), Ctrl/⌘+Enter sends, the text stays when the server refuses it.
 */
export function ManagedReply({ conversationId }: { conversationId: string }) {
  const t = useTranslations("managedQueue");
  const [state, action] = useActionState<TActionState, FormData>(sendManagedReplyAction, IDLE);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [body, setBody] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) {
      setBody("");
      setClientId(crypto.randomUUID());
    }
  }, [state]);
  const issue = state.ok === false ? (state.issues?.find((i) => i.path === "body")?.message ?? null) : null;
  const formError = state.ok === false && !issue ? state.message : null;
  return (
    <form ref={form} action={action} className="space-y-2" data-testid="managed-reply">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="clientId" value={clientId} />
      <Field id="managed-reply-body" label={t("replyLabel")} error={issue} help={t("replyHelp")}>
        {(f) => (
          <textarea
            {...f}
            name="body"
            rows={3}
            value={body}
            autoFocus
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                form.current?.requestSubmit();
              }
            }}
          />
        )}
      </Field>
      <Outcome error={formError} success={state.ok ? t("sent") : null} />
      <div className="flex justify-end">
        <SubmitButton testId="managed-reply-send">{t("send")}</SubmitButton>
      </div>
    </form>
  );
}
