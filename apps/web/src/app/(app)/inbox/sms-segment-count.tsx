"use client";

import { useTranslations } from "next-intl";
import { smsSegments } from "@forecourt/protocol";

/**
 * Under the composer of an SMS conversation: how many SMS the reply costs and in which encoding
 * (protocol's smsSegments, the carrier's own arithmetic: 160/153 GSM-7 characters, 70/67 in
 * UCS-2). Says which characters forced Unicode, so the agent can drop an emoji to save parts.
 */
export function SmsSegmentCount({ text }: { text: string }) {
  const t = useTranslations("chat");
  const count = smsSegments(text);
  if (count.segments === 0) return null;
  return (
    <span className="flex min-w-0 flex-col text-[11px] text-zinc-500" data-testid="sms-segments" aria-live="polite">
      <span className="truncate" data-encoding={count.encoding} data-segments={count.segments}>
        {t("smsSegments", { segments: count.segments, encoding: count.encoding, remaining: count.remainingInSegment })}
      </span>
      {count.encoding === "UCS-2" ? (
        <span className="truncate text-amber-700">
          {t("smsUnicodeHint", { chars: count.nonGsmCharacters.join(" ") })}
        </span>
      ) : null}
    </span>
  );
}
