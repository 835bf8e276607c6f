"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { ImageOff, Mail, ShieldAlert, ShieldCheck } from "lucide-react";
import type { TMessageContent } from "@forecourt/protocol";

/*
 * An e-mail in the conversation pane. The text is React text (escaped). The HTML version is
 * fetched sanitised from core (GET /api/inbox/messages/<id>/email) and shown in an iframe whose
 * sandbox has no allow-scripts and no allow-same-origin (nothing in it runs, and it cannot
 * reach this page), with the document's own Content-Security-Policy in its srcdoc. Remote
 * images stay placeholders until the agent presses "Show images" (loading one tells the sender
 * the mail was opened, and from where).
 */

type TEmail = Extract<TMessageContent, { type: "email" }>;

/** Subject, sender and the SPF/DKIM/DMARC badge, above the text. */
export function EmailHeader({ content }: { content: TEmail }) {
  const t = useTranslations("chat.email");
  const auth = content.auth;
  const passed = auth && (auth.dmarc === "pass" || auth.dkim === "pass" || auth.spf === "pass");
  return (
    <div className="mb-1 flex flex-col gap-0.5 border-b border-zinc-100 pb-1">
      <p className="flex items-center gap-1 text-[13px] font-semibold text-zinc-900" data-testid="email-subject">
        <Mail className="size-3.5 shrink-0 text-zinc-500" aria-hidden="true" />
        <span className="break-words">{content.subject || t("noSubject")}</span>
      </p>
      <p className="flex flex-wrap items-center gap-1 text-[11px] text-zinc-500">
        <span className="break-all">
          {content.from.name ? `${content.from.name} <${content.from.address}>` : content.from.address}
        </span>
        {auth ? (
          <span
            data-testid="email-auth"
            data-flagged={auth.flagged ? "true" : "false"}
            title={t("authDetail", { spf: auth.spf, dkim: auth.dkim, dmarc: auth.dmarc })}
            className={`inline-flex items-center gap-0.5 rounded-full border px-1.5 py-px text-[10px] font-medium ${
              auth.flagged
                ? "border-red-200 bg-red-50 text-red-700"
                : passed
                  ? "border-emerald-200 bg-emerald-50 text-emerald-700"
                  : "border-zinc-200 bg-zinc-50 text-zinc-600"
            }`}
          >
            {auth.flagged ? (
              <ShieldAlert className="size-3" aria-hidden="true" />
            ) : (
              <ShieldCheck className="size-3" aria-hidden="true" />
            )}
            {auth.flagged ? t("authFailed") : passed ? t("authPassed") : t("authUnchecked")}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** Below the text: the folded quote, the HTML version, and files the mail carried that we did not keep. */
export function EmailDetails({ content, messageId }: { content: TEmail; messageId: string }) {
  const t = useTranslations("chat.email");
  const [quoted, setQuoted] = useState(false);
  const [html, setHtml] = useState(false);
  return (
    <div className="mt-1 flex flex-col gap-1">
      <div className="flex flex-wrap gap-2 text-[12px]">
        {content.folded ? (
          <button
            type="button"
            className="text-brand-700 underline-offset-2 hover:underline"
            aria-expanded={quoted}
            onClick={() => setQuoted(!quoted)}
          >
            {quoted ? t("hideQuoted") : t("showQuoted")}
          </button>
        ) : null}
        {content.hasHtml ? (
          <button
            type="button"
            className="text-brand-700 underline-offset-2 hover:underline"
            aria-expanded={html}
            onClick={() => setHtml(!html)}
          >
            {html ? t("hideHtml") : t("showHtml")}
          </button>
        ) : null}
      </div>
      {quoted ? (
        <pre
          data-testid="email-quoted"
          className="max-h-80 overflow-auto whitespace-pre-wrap break-words border-l-2 border-zinc-200 pl-2 font-sans text-[12px] text-zinc-500"
        >
          {content.folded}
        </pre>
      ) : null}
      {html ? <EmailFrame messageId={messageId} /> : null}
      {content.refused.length > 0 ? (
        <ul className="text-[11px] text-zinc-500">
          {content.refused.map((r, i) => (
            <li key={i}>{t("refusedFile", { name: r.fileName, reason: r.reason })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function EmailFrame({ messageId }: { messageId: string }) {
  const t = useTranslations("chat.email");
  const [images, setImages] = useState(false);
  const [state, setState] = useState<{ document: string; remoteImages: number } | "loading" | "error">("loading");
  useEffect(() => {
    let live = true;
    fetch(`/api/inbox/messages/${messageId}/email${images ? "?images=1" : ""}`, {
      headers: { accept: "application/json" },
    })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { document: string; remoteImages: number }) => live && setState(body))
      .catch(() => live && setState("error"));
    return () => {
      live = false;
    };
  }, [messageId, images]);
  if (state === "loading") return <p className="text-[12px] text-zinc-500">{t("loadingHtml")}</p>;
  if (state === "error") return <p className="text-[12px] text-red-700">{t("htmlFailed")}</p>;
  return (
    <div className="flex flex-col gap-1">
      {state.remoteImages > 0 && !images ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-zinc-50 px-2 py-1 text-[12px] text-zinc-600">
          <ImageOff className="size-3.5 shrink-0" aria-hidden="true" />
          <span>{t("imagesBlocked", { count: state.remoteImages })}</span>
          <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setImages(true)}>
            {t("showImages")}
          </button>
        </p>
      ) : null}
      <iframe
        data-testid="email-html"
        title={t("htmlTitle")}
        // No allow-scripts, no allow-same-origin: an opaque origin where nothing runs. Links open
        // in a new tab (allow-popups), outside the sandbox, without a referrer.
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={state.document}
        className="h-80 w-full rounded-md border border-zinc-200 bg-white"
      />
    </div>
  );
}
