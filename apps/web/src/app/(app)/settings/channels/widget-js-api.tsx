"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Check, Copy, Eye, EyeOff, KeyRound, RefreshCw } from "lucide-react";
import { rotateWidgetIdentitySecretAction } from "@/server/actions/widget-api";
import { buttonClass } from "./form-bits";

/** The host-page snippet: the queue stub, the embed tag and the JavaScript API calls a dealer's site makes. */
export function pageSnippet(webUrl: string, publicKey: string) {
  return `<script>
  window.Forecourt = window.Forecourt || function () { (Forecourt.q = Forecourt.q || []).push(arguments); };
</script>
<script src="${webUrl}/widget.js" data-key="${publicKey}" async></script>
<script>
  // A signed-in customer (userHash comes from your server, see below):
  Forecourt("identify", {
    id: "USER_ID", name: "Jane Doe", email: "jane@example.com",
    userHash: "HASH_FROM_YOUR_SERVER",
  });
  // On a vehicle page: the agent sees this car next to the chat.
  Forecourt("setVehicle", {
    vin: "YV1XZK8V1P2000001", make: "Volvo", model: "EX30", url: location.href,
  });
  // Your own button: Forecourt("open"), Forecourt("close"), Forecourt("toggle").
  Forecourt("on", "unread", (e) => console.log("unread messages:", e.count));
</script>`;
}

/** The server side of identify: what the dealer's backend computes for the signed-in user. */
export const SERVER_SNIPPET = `import { createHmac } from "node:crypto";

// FORECOURT_IDENTITY_SECRET: this channel's identity secret. Keep it on your server only.
export function forecourtUserHash(userId) {
  return createHmac("sha256", process.env.FORECOURT_IDENTITY_SECRET)
    .update(String(userId))
    .digest("hex");
}`;

function CopyButton({ value, label, testId }: { value: string; label: string; testId: string }) {
  const t = useTranslations("channels");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass.secondary}
      aria-label={t("copyLabel", { what: label })}
      data-testid={testId}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          },
          // No clipboard (insecure origin, permission refused): the text stays selectable.
          () => setCopied(false),
        );
      }}
    >
      {copied ? (
        <Check className="size-3.5 text-emerald-600" aria-hidden="true" />
      ) : (
        <Copy className="size-3.5" aria-hidden="true" />
      )}
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}

function CodeBlock({ title, code, testId }: { title: string; code: string; testId: string }) {
  return (
    <div className="min-w-0 space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-[12px] font-medium text-zinc-600">{title}</h4>
        <CopyButton value={code} label={title} testId={`${testId}-copy`} />
      </div>
      <pre
        className="max-h-72 overflow-auto rounded-lg border border-zinc-200 bg-zinc-950 p-3 font-mono text-[11.5px] leading-5 text-zinc-100"
        data-testid={testId}
        tabIndex={0}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

/**
 * Settings → Channels → a website chat: the JavaScript API. The identity secret (administrators
 * only: this page needs settings.channels.manage) is masked until revealed, can be copied and
 * rotated; the snippets show the page side and the server side of identify.
 */
export function WidgetJsApi(props: {
  channelId: string;
  publicKey: string;
  webUrl: string;
  identitySecret: string | null;
}) {
  const t = useTranslations("widgetApi");
  const [secret, setSecret] = useState(props.identitySecret);
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState(false);
  const [pending, startTransition] = useTransition();

  function rotate() {
    setError(false);
    startTransition(async () => {
      const result = await rotateWidgetIdentitySecretAction({ channelId: props.channelId });
      if (result.ok) {
        setSecret((result.data as { identitySecret: string }).identitySecret);
        setShown(true);
        setConfirming(false);
      } else setError(true);
    });
  }

  return (
    <div className="space-y-4 border-t border-zinc-200 px-5 py-4" data-testid="widget-js-api">
      <div>
        <h3 className="text-[13px] font-semibold">{t("title")}</h3>
        <p className="mt-1 text-[12px] text-zinc-500">{t("intro")}</p>
      </div>
      <div className="space-y-1.5">
        <div
          className="flex items-center gap-1.5 text-[12px] font-medium text-zinc-600"
          id={`secret-${props.channelId}`}
        >
          <KeyRound className="size-3.5" aria-hidden="true" /> {t("secret")}
        </div>
        {secret ? (
          <div className="flex flex-wrap items-stretch gap-2">
            <code
              aria-labelledby={`secret-${props.channelId}`}
              className="w-full min-w-0 rounded-lg border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 font-mono text-[12px] leading-5 break-all text-zinc-800 sm:w-auto sm:flex-1"
              data-testid="identity-secret"
            >
              {shown ? secret : `${"•".repeat(12)}${secret.slice(-4)}`}
            </code>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setShown((s) => !s)}
              aria-pressed={shown}
              data-testid="identity-secret-reveal"
            >
              {shown ? (
                <EyeOff className="size-3.5" aria-hidden="true" />
              ) : (
                <Eye className="size-3.5" aria-hidden="true" />
              )}
              {shown ? t("hide") : t("reveal")}
            </button>
            <CopyButton value={secret} label={t("secret")} testId="identity-secret-copy" />
          </div>
        ) : (
          <p className="text-[12px] text-zinc-500">{t("noSecret")}</p>
        )}
        <p className="text-[12px] text-zinc-500">{t("secretHelp")}</p>
        <div className="flex flex-wrap items-center gap-2 pt-1">
          {confirming ? (
            <>
              <span className="text-[12px] text-amber-800">{t("rotateWarning")}</span>
              <button
                type="button"
                className={buttonClass.danger}
                onClick={rotate}
                disabled={pending}
                data-testid="identity-secret-rotate-confirm"
              >
                {pending ? t("rotating") : t("rotateConfirm")}
              </button>
              <button type="button" className={buttonClass.ghost} onClick={() => setConfirming(false)}>
                {t("cancel")}
              </button>
            </>
          ) : (
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => (secret ? setConfirming(true) : rotate())}
              disabled={pending}
              data-testid="identity-secret-rotate"
            >
              <RefreshCw className="size-3.5" aria-hidden="true" />
              {secret ? t("rotate") : pending ? t("rotating") : t("generate")}
            </button>
          )}
          {error ? (
            <span role="alert" className="text-[12px] text-red-700">
              {t("rotateError")}
            </span>
          ) : null}
        </div>
      </div>
      <CodeBlock title={t("pageSnippet")} code={pageSnippet(props.webUrl, props.publicKey)} testId="js-api-snippet" />
      <CodeBlock title={t("serverSnippet")} code={SERVER_SNIPPET} testId="js-api-server-snippet" />
    </div>
  );
}
