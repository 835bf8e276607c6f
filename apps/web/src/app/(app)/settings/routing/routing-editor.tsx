"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, Bot as BotIcon, Clock, GitBranch, Pencil, Plus } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import type { TActionState } from "@/server/action-helpers";
import { deleteRoutingRuleAction, moveRoutingRuleAction, toggleRoutingRuleAction } from "@/server/actions/routing";
import { Outcome } from "../channels/form-bits";
import { DeleteForm, ToggleSwitchForm } from "./row-actions";
import { BotsEditor, type TBot } from "./bots-editor";
import { HoursEditor, type THoursDealer } from "./hours-editor";
import { RuleForm, type TRule, type TRuleContext } from "./rule-form";

const IDLE: TActionState = { ok: null };

export type TRoutingDealer = THoursDealer & {
  labels: { id: string; name: string }[];
  bots: TBot[];
  rules: (TRule & { id: string; readable: boolean })[];
};

/** One card per dealer: its rules in order, then its hours. */
export function RoutingEditor({ dealers, timeZones }: { dealers: TRoutingDealer[]; timeZones: string[] }) {
  const t = useTranslations("routing");
  const [tab, setTab] = useState<Record<string, "rules" | "bots" | "hours">>({});
  if (dealers.length === 0)
    return <EmptyState icon={GitBranch} title={t("noDealersTitle")} body={t("noDealersBody")} />;
  return (
    <div className="space-y-6">
      {dealers.map((dealer) => {
        const current = tab[dealer.id] ?? "rules";
        return (
          <section
            key={dealer.id}
            className="rounded-xl border border-zinc-200 bg-white"
            aria-labelledby={`routing-${dealer.id}`}
            data-testid="routing-dealer"
          >
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-3">
              <h2 id={`routing-${dealer.id}`} className="text-sm font-semibold text-zinc-900">
                {dealer.name}
              </h2>
              <div
                role="tablist"
                aria-label={t("sections", { dealer: dealer.name })}
                className="inline-flex rounded-lg bg-zinc-100 p-0.5"
              >
                {(["rules", "bots", "hours"] as const).map((s) => (
                  <button
                    key={s}
                    role="tab"
                    type="button"
                    aria-selected={current === s}
                    onClick={() => setTab({ ...tab, [dealer.id]: s })}
                    className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-[13px] font-medium ${current === s ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900"}`}
                  >
                    {s === "rules" ? (
                      <GitBranch className="size-3.5" aria-hidden="true" />
                    ) : s === "bots" ? (
                      <BotIcon className="size-3.5" aria-hidden="true" />
                    ) : (
                      <Clock className="size-3.5" aria-hidden="true" />
                    )}
                    {t(`tab.${s}`)}
                  </button>
                ))}
              </div>
            </header>
            {current === "rules" ? (
              <RulesList dealer={dealer} />
            ) : current === "bots" ? (
              <BotsEditor dealerId={dealer.id} bots={dealer.bots} />
            ) : (
              <HoursEditor dealer={dealer} timeZones={timeZones} />
            )}
          </section>
        );
      })}
    </div>
  );
}

function RulesList({ dealer }: { dealer: TRoutingDealer }) {
  const t = useTranslations("routing");
  const [editing, setEditing] = useState<TRule | null>(null);
  const context: TRuleContext = {
    dealerId: dealer.id,
    departments: dealer.departments,
    labels: dealer.labels,
    bots: dealer.bots,
  };
  const blank: TRule = { name: "", enabled: true, conditions: {}, actions: {} };
  return (
    <div>
      <div className="flex items-center justify-between gap-2 px-4 py-3">
        <p className="text-[13px] text-zinc-500">{t("rulesIntro")}</p>
        <button
          type="button"
          onClick={() => setEditing(blank)}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
          aria-label={t("addTo", { dealer: dealer.name })}
        >
          <Plus className="size-3.5" aria-hidden="true" /> {t("add")}
        </button>
      </div>
      {editing && !editing.id ? <RuleForm initial={editing} context={context} onDone={() => setEditing(null)} /> : null}
      {dealer.rules.length === 0 ? (
        <p className="border-t border-zinc-100 px-4 py-4 text-[13px] text-zinc-500">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-zinc-100 border-t border-zinc-100">
          {dealer.rules.map((rule, i) =>
            editing?.id === rule.id ? (
              <li key={rule.id}>
                <RuleForm initial={editing} context={context} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={i}
                count={dealer.rules.length}
                dealer={dealer}
                onEdit={() => setEditing(rule)}
              />
            ),
          )}
        </ol>
      )}
    </div>
  );
}

/** "When … → then …" in words, so the order of the list reads like the dealer's policy. */
function useSummary(rule: TRule, dealer: TRoutingDealer) {
  const t = useTranslations("routing.summary");
  const tChannel = useTranslations("channelTypes");
  const tRule = useTranslations("routing.rule");
  const c = rule.conditions;
  const a = rule.actions;
  const name = (id: string | undefined, list: { id: string; name: string }[]) =>
    list.find((x) => x.id === id)?.name ?? "—";
  const when = [
    c.channelTypes && t("channels", { list: c.channelTypes.map((x) => tChannel(x)).join(", ") }),
    c.departmentIds && t("departments", { list: c.departmentIds.map((id) => name(id, dealer.departments)).join(", ") }),
    c.languages && t("languages", { list: c.languages.map((l) => tRule(`language.${l}`)).join(", ") }),
    c.keywords && t("keywords", { list: c.keywords.join(", ") }),
    c.pageContains && t("page", { page: c.pageContains }),
    c.hours && t(c.hours === "open" ? "open" : "closed"),
    c.returningContact !== undefined && t(c.returningContact ? "returning" : "new"),
    c.hasVehicle !== undefined && t(c.hasVehicle ? "vehicle" : "noVehicle"),
  ].filter(Boolean);
  const then = [
    a.departmentId && t("toDepartment", { name: name(a.departmentId, dealer.departments) }),
    a.assign && t(a.assign.strategy === "round_robin" ? "roundRobin" : "leastBusy", { capacity: a.assign.capacity }),
    a.priority && t("priority", { priority: tRule(`priorities.${a.priority}`) }),
    a.labelId && t("label", { name: name(a.labelId, dealer.labels) }),
    a.autoReply && t("autoReply"),
    a.botId && t("bot", { name: name(a.botId, dealer.bots) }),
  ].filter(Boolean);
  return { when: when.length ? when.join(" · ") : t("always"), then: then.join(" · ") };
}

function RuleRow({
  rule,
  index,
  count,
  dealer,
  onEdit,
}: {
  rule: TRoutingDealer["rules"][number];
  index: number;
  count: number;
  dealer: TRoutingDealer;
  onEdit: () => void;
}) {
  const t = useTranslations("routing");
  const [moveState, move] = useActionState<TActionState, FormData>(moveRoutingRuleAction, IDLE);
  const [toggleState, toggle] = useActionState<TActionState, FormData>(toggleRoutingRuleAction, IDLE);
  const [deleteState, remove] = useActionState<TActionState, FormData>(deleteRoutingRuleAction, IDLE);
  const summary = useSummary(rule, dealer);
  const error = [moveState, toggleState, deleteState].find((s) => s.ok === false);
  const iconButton = "rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-30";
  return (
    <li className={`px-4 py-3 ${rule.enabled ? "" : "bg-zinc-50"}`} data-testid="routing-rule">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <span className="mt-0.5 w-5 shrink-0 text-right text-[12px] tabular-nums text-zinc-500">{index + 1}.</span>
        <div className="min-w-0 flex-1 basis-56">
          <p className="text-[13px] font-medium text-zinc-900">
            {rule.name}
            {!rule.enabled ? (
              <span className="ml-2 rounded-full bg-zinc-200 px-2 py-0.5 text-[11px] font-normal text-zinc-700">
                {t("off")}
              </span>
            ) : null}
          </p>
          {rule.readable ? (
            <p className="text-[12px] text-zinc-600">
              <span className="text-zinc-500">{t("whenShort")}</span> {summary.when} <span aria-hidden="true">→</span>
              <span className="sr-only">{t("thenShort")}</span> {summary.then}
            </p>
          ) : (
            <p className="text-[12px] text-amber-800">{t("unreadable")}</p>
          )}
        </div>
        <div className="ml-auto flex items-center gap-1">
          <form action={move}>
            <input type="hidden" name="id" value={rule.id} />
            <input type="hidden" name="direction" value="up" />
            <button
              type="submit"
              disabled={index === 0}
              className={iconButton}
              aria-label={t("moveUp", { name: rule.name })}
            >
              <ArrowUp className="size-4" aria-hidden="true" />
            </button>
          </form>
          <form action={move}>
            <input type="hidden" name="id" value={rule.id} />
            <input type="hidden" name="direction" value="down" />
            <button
              type="submit"
              disabled={index === count - 1}
              className={iconButton}
              aria-label={t("moveDown", { name: rule.name })}
            >
              <ArrowDown className="size-4" aria-hidden="true" />
            </button>
          </form>
          <ToggleSwitchForm
            action={toggle}
            id={rule.id}
            enabled={rule.enabled}
            label={t("enabled", { name: rule.name })}
          />
          {rule.readable ? (
            <button type="button" onClick={onEdit} className={iconButton} aria-label={t("edit", { name: rule.name })}>
              <Pencil className="size-4" aria-hidden="true" />
            </button>
          ) : null}
          <DeleteForm
            action={remove}
            id={rule.id}
            label={t("delete", { name: rule.name })}
            confirm={t("confirmDelete", { name: rule.name })}
          />
        </div>
      </div>
      {error && error.ok === false ? (
        <div className="mt-2">
          <Outcome error={error.message} />
        </div>
      ) : null}
    </li>
  );
}
