"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { CHANNEL_TYPES, type TChannelType, type TConversationPriority } from "@forecourt/protocol";
import { SubmitButton } from "@/components/accounts/action-form";
import type { TActionState } from "@/server/action-helpers";
import { saveRoutingRuleAction } from "@/server/actions/routing";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";

const IDLE: TActionState = { ok: null };
const LANGUAGES = ["en", "nl", "da", "de"] as const;
const PRIORITIES: TConversationPriority[] = ["LOW", "NORMAL", "HIGH", "URGENT"];

export type TRuleConditions = {
  channelTypes?: TChannelType[];
  pageContains?: string;
  departmentIds?: string[];
  languages?: (typeof LANGUAGES)[number][];
  keywords?: string[];
  hours?: "open" | "closed";
  returningContact?: boolean;
  hasVehicle?: boolean;
};
export type TRuleActions = {
  departmentId?: string;
  assign?: { strategy: "round_robin" | "least_busy"; capacity: number };
  priority?: TConversationPriority;
  labelId?: string;
  autoReply?: string;
  botId?: string;
};
export type TRule = { id?: string; name: string; enabled: boolean; conditions: TRuleConditions; actions: TRuleActions };
export type TRuleContext = {
  dealerId: string;
  departments: { id: string; name: string }[];
  labels: { id: string; name: string }[];
  bots: { id: string; name: string }[];
};

/** A tri-state select for a yes/no condition: any, yes, no. */
function triState(value: boolean | undefined) {
  return value === undefined ? "" : value ? "yes" : "no";
}
const fromTriState = (v: string) => (v === "" ? undefined : v === "yes");
const toggle = <T,>(list: T[] | undefined, item: T, on: boolean) => {
  const next = (list ?? []).filter((x) => x !== item);
  if (on) next.push(item);
  return next.length ? next : undefined;
};

function Chips<T extends string>({
  legend,
  options,
  value,
  label,
  onChange,
}: {
  legend: string;
  options: readonly T[];
  value: T[] | undefined;
  label: (option: T) => string;
  onChange: (next: T[] | undefined) => void;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[13px] font-medium text-zinc-700">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => {
          const on = value?.includes(o) ?? false;
          return (
            <label
              key={o}
              className={`cursor-pointer rounded-full border px-2.5 py-1 text-[12px] has-focus-visible:ring-2 has-focus-visible:ring-brand-300 ${on ? "border-zinc-900 bg-zinc-900 text-white" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50"}`}
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={on}
                onChange={(e) => onChange(toggle(value, o, e.target.checked))}
              />
              {label(o)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Creates or edits one rule: conditions (all must hold) and actions. */
export function RuleForm({ initial, context, onDone }: { initial: TRule; context: TRuleContext; onDone: () => void }) {
  const t = useTranslations("routing.rule");
  const tChannel = useTranslations("channelTypes");
  const [state, action] = useActionState<TActionState, FormData>(saveRoutingRuleAction, IDLE);
  const [rule, setRule] = useState(initial);
  const [keywords, setKeywords] = useState((initial.conditions.keywords ?? []).join(", "));
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  const c = rule.conditions;
  const a = rule.actions;
  const setC = (patch: Partial<TRuleConditions>) =>
    setRule((r) => ({ ...r, conditions: { ...r.conditions, ...patch } }));
  const setA = (patch: Partial<TRuleActions>) => setRule((r) => ({ ...r, actions: { ...r.actions, ...patch } }));
  const words = keywords
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
  const clean = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
  const payload = JSON.stringify({
    id: rule.id,
    dealerId: context.dealerId,
    name: rule.name,
    enabled: rule.enabled,
    conditions: clean({ ...c, keywords: words.length ? words : undefined }),
    actions: clean(a),
  });
  const issue = (prefix: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path.startsWith(prefix))?.message ?? null) : null;
  const key = rule.id ?? "new";
  return (
    <form
      action={action}
      className="space-y-5 border-b border-zinc-100 bg-zinc-50/60 p-4"
      data-testid="rule-form"
      aria-label={initial.id ? t("editTitle") : t("newTitle")}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      <input type="hidden" name="payload" value={payload} />
      <Field id={`rule-name-${key}`} label={t("name")} error={issue("name")}>
        {(f) => (
          <input
            {...f}
            value={rule.name}
            maxLength={80}
            autoFocus
            onChange={(e) => setRule({ ...rule, name: e.target.value })}
          />
        )}
      </Field>

      <section className="space-y-3" aria-labelledby={`rule-when-${key}`}>
        <h3 id={`rule-when-${key}`} className="text-[12px] font-semibold tracking-wide text-zinc-600 uppercase">
          {t("when")}
        </h3>
        <p className="text-xs text-zinc-500">{t("whenHelp")}</p>
        <Chips
          legend={t("channels")}
          options={CHANNEL_TYPES}
          value={c.channelTypes}
          label={(o) => tChannel(o)}
          onChange={(v) => setC({ channelTypes: v })}
        />
        {context.departments.length > 0 ? (
          <Chips
            legend={t("preChatDepartment")}
            options={context.departments.map((d) => d.id)}
            value={c.departmentIds}
            label={(id) => context.departments.find((d) => d.id === id)?.name ?? id}
            onChange={(v) => setC({ departmentIds: v })}
          />
        ) : null}
        <Chips
          legend={t("languages")}
          options={LANGUAGES}
          value={c.languages}
          label={(l) => t(`language.${l}`)}
          onChange={(v) => setC({ languages: v })}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`rule-keywords-${key}`}
            label={t("keywords")}
            help={t("keywordsHelp")}
            error={issue("conditions.keywords")}
          >
            {(f) => (
              <input
                {...f}
                value={keywords}
                onChange={(e) => setKeywords(e.target.value)}
                placeholder={t("keywordsPlaceholder")}
              />
            )}
          </Field>
          <Field
            id={`rule-page-${key}`}
            label={t("page")}
            help={t("pageHelp")}
            error={issue("conditions.pageContains")}
          >
            {(f) => (
              <input
                {...f}
                value={c.pageContains ?? ""}
                onChange={(e) => setC({ pageContains: e.target.value || undefined })}
                placeholder="/service"
              />
            )}
          </Field>
          <Field id={`rule-hours-${key}`} label={t("hours")}>
            {(f) => (
              <select
                {...f}
                value={c.hours ?? ""}
                onChange={(e) => setC({ hours: (e.target.value || undefined) as TRuleConditions["hours"] })}
              >
                <option value="">{t("any")}</option>
                <option value="open">{t("hoursOpen")}</option>
                <option value="closed">{t("hoursClosed")}</option>
              </select>
            )}
          </Field>
          <Field id={`rule-returning-${key}`} label={t("returning")}>
            {(f) => (
              <select
                {...f}
                value={triState(c.returningContact)}
                onChange={(e) => setC({ returningContact: fromTriState(e.target.value) })}
              >
                <option value="">{t("any")}</option>
                <option value="yes">{t("yes")}</option>
                <option value="no">{t("no")}</option>
              </select>
            )}
          </Field>
          <Field id={`rule-vehicle-${key}`} label={t("vehicle")}>
            {(f) => (
              <select
                {...f}
                value={triState(c.hasVehicle)}
                onChange={(e) => setC({ hasVehicle: fromTriState(e.target.value) })}
              >
                <option value="">{t("any")}</option>
                <option value="yes">{t("yes")}</option>
                <option value="no">{t("no")}</option>
              </select>
            )}
          </Field>
        </div>
      </section>

      <section className="space-y-3" aria-labelledby={`rule-then-${key}`}>
        <h3 id={`rule-then-${key}`} className="text-[12px] font-semibold tracking-wide text-zinc-600 uppercase">
          {t("then")}
        </h3>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`rule-department-${key}`} label={t("setDepartment")} error={issue("actions.departmentId")}>
            {(f) => (
              <select
                {...f}
                value={a.departmentId ?? ""}
                onChange={(e) => setA({ departmentId: e.target.value || undefined })}
              >
                <option value="">{t("keep")}</option>
                {context.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`rule-priority-${key}`} label={t("priority")}>
            {(f) => (
              <select
                {...f}
                value={a.priority ?? ""}
                onChange={(e) => setA({ priority: (e.target.value || undefined) as TConversationPriority })}
              >
                <option value="">{t("keep")}</option>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`priorities.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`rule-assign-${key}`} label={t("assign")} help={t("assignHelp")}>
            {(f) => (
              <select
                {...f}
                value={a.assign?.strategy ?? ""}
                onChange={(e) =>
                  setA({
                    assign: e.target.value
                      ? { strategy: e.target.value as "round_robin" | "least_busy", capacity: a.assign?.capacity ?? 5 }
                      : undefined,
                  })
                }
              >
                <option value="">{t("noAssign")}</option>
                <option value="round_robin">{t("roundRobin")}</option>
                <option value="least_busy">{t("leastBusy")}</option>
              </select>
            )}
          </Field>
          {a.assign ? (
            <Field
              id={`rule-capacity-${key}`}
              label={t("capacity")}
              help={t("capacityHelp")}
              error={issue("actions.assign")}
            >
              {(f) => (
                <input
                  {...f}
                  type="number"
                  min={1}
                  max={100}
                  value={a.assign!.capacity}
                  onChange={(e) => setA({ assign: { ...a.assign!, capacity: Number(e.target.value) } })}
                />
              )}
            </Field>
          ) : null}
          {context.bots.length > 0 ? (
            <Field id={`rule-bot-${key}`} label={t("bot")} help={t("botHelp")} error={issue("actions.botId")}>
              {(f) => (
                <select {...f} value={a.botId ?? ""} onChange={(e) => setA({ botId: e.target.value || undefined })}>
                  <option value="">{t("noBot")}</option>
                  {context.bots.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {context.labels.length > 0 ? (
            <Field id={`rule-label-${key}`} label={t("label")} error={issue("actions.labelId")}>
              {(f) => (
                <select {...f} value={a.labelId ?? ""} onChange={(e) => setA({ labelId: e.target.value || undefined })}>
                  <option value="">{t("noLabel")}</option>
                  {context.labels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <Field
          id={`rule-reply-${key}`}
          label={t("autoReply")}
          help={t("autoReplyHelp")}
          error={issue("actions.autoReply")}
        >
          {(f) => (
            <textarea
              {...f}
              rows={2}
              maxLength={1000}
              value={a.autoReply ?? ""}
              onChange={(e) => setA({ autoReply: e.target.value || undefined })}
            />
          )}
        </Field>
        {issue("actions") && !issue("actions.") ? <Outcome error={issue("actions")} /> : null}
      </section>

      <Outcome error={state.ok === false && !state.issues?.length ? state.message : null} />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
        >
          {t("cancel")}
        </button>
        <SubmitButton testId="rule-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
