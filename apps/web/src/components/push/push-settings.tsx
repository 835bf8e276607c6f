"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { BellOff, BellRing } from "lucide-react";
import { currentPushState, disablePush, enablePush, type TPushState } from "./web-push-client";

/** Settings → Profile: notifications for new and assigned conversations on this device. */
export function PushSettings({ vapidPublicKey }: { vapidPublicKey: string }) {
  const t = useTranslations("settings.push");
  const [state, setState] = useState<TPushState | "loading">("loading");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  useEffect(() => {
    void currentPushState().then(setState);
  }, []);

  async function toggle() {
    setBusy(true);
    setError(false);
    try {
      setState(state === "on" ? await disablePush() : await enablePush(vapidPublicKey));
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="push-settings" data-state={state}>
      <div className="min-w-48 flex-1">
        <p className="text-[13px] font-medium text-zinc-900">{t("title")}</p>
        <p className="text-[12px] text-zinc-500" role="status">
          {state === "loading" ? "\u00a0" : t(`state.${state}`)}
        </p>
        {error ? (
          <p className="text-[12px] text-red-700" role="alert">
            {t("error")}
          </p>
        ) : null}
      </div>
      {state === "off" || state === "on" ? (
        <button
          type="button"
          onClick={() => void toggle()}
          disabled={busy}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-60"
        >
          {state === "on" ? (
            <BellOff className="size-4" aria-hidden="true" />
          ) : (
            <BellRing className="size-4" aria-hidden="true" />
          )}
          {state === "on" ? t("disable") : t("enable")}
        </button>
      ) : null}
    </div>
  );
}
