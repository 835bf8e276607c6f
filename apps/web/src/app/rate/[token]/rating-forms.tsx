"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import { inputClass, labelClass } from "@/components/accounts/styles";
import type { TActionState } from "@/server/action-helpers";
import { emailTranscriptAction, rateConversationAction } from "@/server/actions/public-accounts";
import { Field } from "@/components/forms/field";

const IDLE: TActionState = { ok: null };

/** One to five stars (a radio group: arrow keys move, as in any rating control) and a comment. */
export function RatingForm({
  token,
  initialScore,
  initialComment,
}: {
  token: string;
  initialScore: number | null;
  initialComment: string;
}) {
  const t = useTranslations("rating");
  const [state, action] = useActionState<TActionState, FormData>(rateConversationAction, IDLE);
  const [score, setScore] = useState(initialScore ?? 0);
  const [comment, setComment] = useState(initialComment);
  return (
    <form action={action} className="space-y-4" data-testid="rating-form">
      <input type="hidden" name="token" value={token} />
      <fieldset>
        <legend className={labelClass}>{t("question")}</legend>
        <div className="mt-2 flex gap-1" role="radiogroup" aria-label={t("question")}>
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={n}
              className="cursor-pointer rounded-md p-1 has-focus-visible:ring-2 has-focus-visible:ring-brand-300"
            >
              <input
                type="radio"
                name="score"
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
                className="sr-only"
                aria-label={t("stars", { count: n })}
              />
              <Star
                className={`size-8 ${n <= score ? "fill-amber-400 text-amber-500" : "text-zinc-500"}`}
                aria-hidden="true"
              />
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("comment")}>
        <textarea
          id="rating-comment"
          name="comment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={inputClass}
        />
      </Field>
      {state.ok === false ? (
        <p role="alert" className="text-xs text-red-700" data-testid="form-error">
          {state.issues?.[0]?.message ?? state.message}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="rating-thanks">
          {t("thanks")}
        </p>
      ) : null}
      <SubmitButton testId="rating-submit">{initialScore ? t("update") : t("submit")}</SubmitButton>
    </form>
  );
}

/** "E-mail me the transcript": to the address on file, or one the contact types when none is. */
export function TranscriptForm({ token, hasEmail }: { token: string; hasEmail: boolean }) {
  const t = useTranslations("rating");
  const [state, action] = useActionState<TActionState, FormData>(emailTranscriptAction, IDLE);
  const [email, setEmail] = useState("");
  return (
    <form action={action} className="space-y-3 border-t border-zinc-100 pt-6" data-testid="transcript-form">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm font-medium text-zinc-900">{t("transcriptTitle")}</p>
      <p className="text-xs text-zinc-600">{hasEmail ? t("transcriptOnFile") : t("transcriptAsk")}</p>
      {hasEmail ? null : (
        <Field label={t("email")}>
          <input
            id="transcript-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </Field>
      )}
      {state.ok === false ? (
        <p role="alert" className="text-xs text-red-700">
          {state.issues?.[0]?.message ?? state.message}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="transcript-sent">
          {t("transcriptSent")}
        </p>
      ) : null}
      <SubmitButton variant="secondary" testId="transcript-submit">
        {t("transcriptButton")}
      </SubmitButton>
    </form>
  );
}
