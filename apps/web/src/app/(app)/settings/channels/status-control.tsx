"use client";

import { useTranslations } from "next-intl";
import { Loader2, Power } from "lucide-react";
import { Badge } from "@/components/accounts/section";
import { setChannelStatusAction } from "@/server/actions/channels";
import { buttonClass, Outcome } from "./form-bits";
import { useChannelAction, useRefusalText } from "./use-channel-action";

/** A channel's status badge and its Disable / Enable button (every channel type: setChannelStatus). */
export function StatusControl({
  channelId,
  status,
  disabledByLifecycleOn,
}: {
  channelId: string;
  status: "ACTIVE" | "DISABLED";
  disabledByLifecycleOn?: string | null;
}) {
  const t = useTranslations("channels");
  const { state, pending, run } = useChannelAction(setChannelStatusAction);
  const refusal = useRefusalText()(state);
  const active = status === "ACTIVE";
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <span data-testid="channel-status">
          {active ? (
            <Badge tone="green">{t("status.ACTIVE")}</Badge>
          ) : disabledByLifecycleOn ? (
            <Badge tone="amber">{t("status.terminated", { day: disabledByLifecycleOn })}</Badge>
          ) : (
            <Badge>{t("status.DISABLED")}</Badge>
          )}
        </span>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={pending}
          onClick={() => run({ channelId, enabled: !active })}
          data-testid="channel-toggle"
        >
          {pending ? (
            <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
          ) : (
            <Power className="size-3.5" aria-hidden="true" />
          )}
          {active ? t("disable") : t("enable")}
        </button>
      </div>
      <Outcome error={refusal} />
    </div>
  );
}
