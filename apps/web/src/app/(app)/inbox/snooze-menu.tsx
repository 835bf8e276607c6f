"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Clock } from "lucide-react";
import { typingInField } from "./inbox-shared";

const PRESETS = ["later_today", "tomorrow", "next_week"] as const;

/** The local "YYYY-MM-DDTHH:mm" a datetime-local input takes, `ms` from now. */
function localInputValue(ms: number) {
  const d = new Date(Date.now() + ms);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Snooze until a preset (later today, tomorrow 09:00, next Monday 09:00: computed by the server
 * in the dealer's time zone) or a time the agent picks (in the agent's own time zone). Opens
 * with the button or "Z"; Escape closes it and gives focus back.
 */
export function SnoozeMenu(props: { className: string; onSnooze: (until: string) => void }) {
  const t = useTranslations("chat.snoozeMenu");
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "z" || e.metaKey || e.ctrlKey || e.altKey || typingInField(e)) return;
      e.preventDefault();
      setPicked((p) => p || localInputValue(3_600_000));
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function choose(until: string) {
    setOpen(false);
    setProblem(null);
    props.onSnooze(until);
  }

  function submitPicked(e: React.FormEvent) {
    e.preventDefault();
    const at = new Date(picked);
    if (!picked || Number.isNaN(at.getTime()) || at.getTime() <= Date.now() + 60_000) {
      setProblem(t("pickFuture"));
      return;
    }
    choose(at.toISOString());
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className={props.className}
        aria-haspopup="menu"
        aria-expanded={open}
        title={`${t("button")} (Z)`}
        onClick={() => {
          setPicked((p) => p || localInputValue(3_600_000));
          setOpen((o) => !o);
        }}
      >
        <Clock className="size-3.5" aria-hidden="true" /> {t("button")}
      </button>
      {open ? (
        <div
          role="menu"
          aria-label={t("label")}
          className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-1 text-[13px] shadow-lg"
          data-testid="snooze-menu"
        >
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              role="menuitem"
              className="flex w-full flex-col items-start rounded-md px-2.5 py-1.5 text-left hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none"
              onClick={() => choose(preset)}
            >
              <span className="font-medium text-zinc-900">{t(`${preset}.label`)}</span>
              <span className="text-[12px] text-zinc-500">{t(`${preset}.hint`)}</span>
            </button>
          ))}
          <form onSubmit={submitPicked} className="mt-1 border-t border-zinc-100 px-2.5 pt-2 pb-1.5">
            <label className="block text-[12px] font-medium text-zinc-700">
              {t("pick")}
              <input
                type="datetime-local"
                value={picked}
                min={localInputValue(60_000)}
                onChange={(e) => {
                  setPicked(e.target.value);
                  setProblem(null);
                }}
                className="mt-1 block w-full rounded-md border border-zinc-200 px-2 py-1 text-[13px]"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? "snooze-problem" : undefined}
              />
            </label>
            {problem ? (
              <p id="snooze-problem" role="alert" className="mt-1 text-[12px] text-red-600">
                {problem}
              </p>
            ) : null}
            <button
              type="submit"
              className="mt-2 w-full rounded-md bg-zinc-900 px-2 py-1 text-[13px] font-medium text-white hover:bg-zinc-800"
            >
              {t("pickSubmit")}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
