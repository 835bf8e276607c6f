"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import type { TActionState } from "@/server/action-helpers";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/server/actions/two-factor";
import { RecoveryCodeList } from "./recovery-codes";
import { Field } from "@/components/forms/field";

type TEnrolment = { secret: string; uri: string; qrDataUrl: string };

/** Enrolment: start (new secret, QR code) → confirm with a code → refresh. */
export function TwoFactorSetup() {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const [started, start] = useActionState(startTwoFactorAction, { ok: null } as TActionState);
  const [confirmed, confirm] = useActionState(confirmTwoFactorAction, { ok: null } as TActionState);
  const enrolment = started.ok ? (started.data as TEnrolment) : null;
  // Enrolled: the recovery codes are shown once; the page shows "on" after they are saved.
  if (confirmed.ok) {
    const { recoveryCodes } = confirmed.data as { recoveryCodes: string[] };
    return <RecoveryCodeList codes={recoveryCodes} onDone={() => router.refresh()} />;
  }
  if (!enrolment) {
    return (
      <form action={start} className="px-5 py-4">
        <SubmitButton testId="start-two-factor">{t("setUp")}</SubmitButton>
      </form>
    );
  }
  return (
    <div className="grid gap-6 px-5 py-4 sm:grid-cols-[12rem_1fr]">
      <img src={enrolment.qrDataUrl} alt={t("qrAlt")} className="size-48 rounded-lg border border-zinc-200" />
      <div className="space-y-3">
        <p className="text-[13px] text-zinc-600">{t("scan")}</p>
        <div>
          <div className="text-xs text-zinc-500">{t("manualKey")}</div>
          <code className="block break-all font-mono text-[13px]" data-testid="totp-secret">
            {enrolment.secret}
          </code>
        </div>
        <form action={confirm} className="space-y-2">
          <Field id="code" label={t("code")}>
            {(control) => (
              <div className="flex gap-2">
                <input
                  {...control}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  className={`${control.className} w-32 font-mono tracking-[0.3em]`}
                />
                <SubmitButton testId="confirm-two-factor">{t("confirm")}</SubmitButton>
              </div>
            )}
          </Field>
          {confirmed.ok === false ? (
            <p role="alert" className="text-xs text-red-700">
              {t("wrongCode")}
            </p>
          ) : null}
        </form>
      </div>
    </div>
  );
}

export function TwoFactorDisable() {
  const t = useTranslations("twoFactor");
  return (
    <ActionForm action={disableTwoFactorAction} className="flex items-end gap-2 px-5 py-4">
      <Field label={t("code")}>
        <input
          id="disable-code"
          name="code"
          inputMode="numeric"
          maxLength={6}
          required
          className={`${inputClass} w-32 font-mono tracking-[0.3em]`}
        />
      </Field>
      <SubmitButton variant="danger">{t("disable")}</SubmitButton>
    </ActionForm>
  );
}
