"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { KeyRound, Plus } from "lucide-react";
import type { TApiKeyView } from "@forecourt/core/api-keys/api-key-input";
import { EmptyState } from "@/components/empty-state";
import { buttonClass } from "../channels/form-bits";
import { ApiKeyList } from "./api-key-list";
import { CreateKeyBody, type TCreateProps } from "./create-key-form";

type TProps = TCreateProps & { keys: TApiKeyView[]; now: string; intro: ReactNode; reference: ReactNode };

/**
 * The page's client part. The one "New API key" dialog stays mounted in the same place whether
 * the page shows the empty state or the list: the first key turns one into the other, and the
 * key being shown once must survive that re-render.
 */
export function ApiKeysManager({ keys, now, intro, reference, ...create }: TProps) {
  const t = useTranslations("apiKeys");
  const dialog = useRef<HTMLDialogElement>(null);
  // A fresh form (and a forgotten key) every time the dialog opens or closes.
  const [round, setRound] = useState(0);
  const open = () => {
    setRound((r) => r + 1);
    dialog.current?.showModal();
  };
  const newButton = (
    <button type="button" className={buttonClass.primary} onClick={open} data-testid="new-api-key">
      <Plus className="size-3.5" aria-hidden="true" />
      {t("new")}
    </button>
  );
  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-xl text-[13px] text-zinc-500">{intro}</p>
        {keys.length > 0 ? (
          <div className="flex shrink-0 gap-2">
            {reference}
            {newButton}
          </div>
        ) : null}
      </div>
      {keys.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 bg-white">
          <EmptyState
            icon={KeyRound}
            title={t("emptyTitle")}
            body={t("emptyBody")}
            action={
              <div className="flex flex-wrap justify-center gap-2">
                {newButton}
                {reference}
              </div>
            }
          />
        </div>
      ) : (
        <ApiKeyList keys={keys} dealers={create.dealers} now={now} />
      )}
      <dialog
        ref={dialog}
        aria-labelledby="api-key-dialog-title"
        className="m-auto w-[min(40rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-900/30"
        onClose={() => setRound((r) => r + 1)}
        data-testid="api-key-dialog"
      >
        <CreateKeyBody key={round} {...create} close={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}
