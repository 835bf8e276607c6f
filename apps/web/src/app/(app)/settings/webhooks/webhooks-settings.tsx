"use client";

import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { KeyRound, Plus, Power, RotateCw, ScrollText, Trash2, Webhook } from "lucide-react";
import type { TWebhookEndpoint, TWebhookEventType } from "@forecourt/protocol";
import { EmptyState } from "@/components/empty-state";
import type { TActionState } from "@/server/action-helpers";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  rotateWebhookSecretAction,
  updateWebhookEndpointAction,
} from "@/server/actions/webhooks";
import { CopyField, Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";
import { DeliveryLog } from "./delivery-log";
import { Badge, button, failureOf } from "./webhook-bits";

type TProps = { endpoints: TWebhookEndpoint[]; eventTypes: TWebhookEventType[] };

/** The endpoints, the "add" form, and the secret (shown once after creation or rotation). */
export function WebhooksSettings({ endpoints, eventTypes }: TProps) {
  const t = useTranslations("webhooks");
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ url: string; secret: string } | null>(null);

  return (
    <div className="space-y-4">
      {endpoints.length > 0 ? (
        <div className="flex justify-end">
          <button
            type="button"
            onClick={() => setCreating(true)}
            className={button.primary}
            data-testid="webhook-new"
            disabled={creating}
          >
            <Plus className="size-3.5" aria-hidden="true" /> {t("new")}
          </button>
        </div>
      ) : null}
      {revealed ? <SecretPanel {...revealed} onDone={() => setRevealed(null)} /> : null}
      {creating ? (
        <CreateForm
          eventTypes={eventTypes}
          onCancel={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setRevealed(r);
          }}
        />
      ) : null}
      {endpoints.length === 0 && !creating ? (
        <EmptyState
          icon={Webhook}
          title={t("emptyTitle")}
          body={t("emptyBody")}
          action={
            <button
              type="button"
              onClick={() => setCreating(true)}
              className={button.primary}
              data-testid="webhook-new"
            >
              <Plus className="size-3.5" aria-hidden="true" /> {t("new")}
            </button>
          }
        />
      ) : (
        <ul className="space-y-3" data-testid="webhook-list">
          {endpoints.map((e) => (
            <EndpointCard key={e.id} endpoint={e} onRotated={setRevealed} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SecretPanel({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const t = useTranslations("webhooks");
  return (
    <section
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
      data-testid="webhook-secret-panel"
      aria-labelledby="webhook-secret-title"
    >
      <div className="flex items-start gap-2">
        <KeyRound className="mt-0.5 size-4 shrink-0 text-amber-700" aria-hidden="true" />
        <div>
          <h2 id="webhook-secret-title" className="text-[13px] font-semibold text-amber-900">
            {t("secretTitle")}
          </h2>
          <p className="text-[12px] leading-5 [overflow-wrap:anywhere] text-amber-800">{t("secretBody", { url })}</p>
        </div>
      </div>
      <CopyField label={t("secretLabel")} value={secret} testId="webhook-secret" />
      <div className="flex justify-end">
        <button type="button" onClick={onDone} className={button.secondary} data-testid="webhook-secret-done">
          {t("secretDone")}
        </button>
      </div>
    </section>
  );
}

function EventChecklist({
  eventTypes,
  value,
  onChange,
  idPrefix,
}: {
  eventTypes: TWebhookEventType[];
  value: TWebhookEventType[];
  onChange: (v: TWebhookEventType[]) => void;
  idPrefix: string;
}) {
  const t = useTranslations("webhooks");
  return (
    <fieldset className="space-y-2">
      <legend className="text-[13px] font-medium text-zinc-700">{t("events")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {eventTypes.map((type) => (
          <label
            key={type}
            htmlFor={`${idPrefix}-${type}`}
            className="flex cursor-pointer items-start gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 hover:border-zinc-300"
          >
            <input
              id={`${idPrefix}-${type}`}
              type="checkbox"
              className="mt-0.5"
              checked={value.includes(type)}
              onChange={(e) => onChange(e.target.checked ? [...value, type] : value.filter((v) => v !== type))}
            />
            <span className="min-w-0">
              <code className="block text-[12px] font-medium text-zinc-900">{type}</code>
              <span className="block text-[12px] text-zinc-500">{t(`eventHelp.${type.replace(".", "_")}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function CreateForm(props: {
  eventTypes: TWebhookEventType[];
  onCancel: () => void;
  onCreated: (r: { url: string; secret: string }) => void;
}) {
  const t = useTranslations("webhooks");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<TWebhookEventType[]>([...props.eventTypes]);
  const [failure, setFailure] = useState<ReturnType<typeof failureOf>>(null);
  const [pending, start] = useTransition();
  const issue = (path: string) => failure?.issues?.find((i) => i.path === path)?.message ?? null;

  return (
    <form
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs"
      aria-label={t("newTitle")}
      data-testid="webhook-form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createWebhookEndpointAction({ url: url.trim(), description, events });
          if (result.ok) {
            const data = result.data as { endpoint: TWebhookEndpoint; secret: string };
            props.onCreated({ url: data.endpoint.url, secret: data.secret });
          } else setFailure(failureOf(result));
        });
      }}
    >
      <h2 className="text-[14px] font-semibold text-zinc-900">{t("newTitle")}</h2>
      <Field id="webhook-url" label={t("url")} help={t("urlHelp")} error={issue("url")}>
        {(f) => (
          <input
            {...f}
            type="url"
            inputMode="url"
            placeholder="https://crm.example.com/forecourt"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            autoComplete="off"
            required
            autoFocus
          />
        )}
      </Field>
      <Field id="webhook-description" label={t("description")} error={issue("description")}>
        {(f) => <input {...f} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />}
      </Field>
      <EventChecklist eventTypes={props.eventTypes} value={events} onChange={setEvents} idPrefix="new-event" />
      {issue("events") ? <Outcome error={issue("events")} /> : null}
      <Outcome error={failure && !failure.issues?.length ? failure.message : null} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" onClick={props.onCancel} className={button.secondary}>
          {t("cancel")}
        </button>
        <button type="submit" className={button.primary} disabled={pending} data-testid="webhook-save">
          {pending ? t("saving") : t("create")}
        </button>
      </div>
    </form>
  );
}

function EndpointCard({
  endpoint,
  onRotated,
}: {
  endpoint: TWebhookEndpoint;
  onRotated: (r: { url: string; secret: string }) => void;
}) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const [showLog, setShowLog] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<TActionState>, after?: (data: unknown) => void) =>
    start(async () => {
      setError(null);
      const result = await fn();
      if (result.ok === true) after?.(result.data);
      else setError(failureOf(result)?.message ?? t("genericError"));
    });

  return (
    <li className="rounded-xl border border-zinc-200 bg-white shadow-xs" data-testid="webhook-endpoint">
      <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 text-[13px] font-medium break-all text-zinc-900" data-testid="webhook-url">
              {endpoint.url}
            </code>
            {endpoint.enabled ? (
              <Badge tone="green">{t("enabled")}</Badge>
            ) : (
              <Badge tone={endpoint.disabledReason ? "red" : "zinc"} testId="webhook-disabled">
                {endpoint.disabledReason ? t(`disabledBecause.${endpoint.disabledReason}`) : t("disabled")}
              </Badge>
            )}
            {endpoint.previousSecretExpiresAt ? (
              <Badge tone="amber">
                {t("rotating", {
                  until: format.dateTime(new Date(endpoint.previousSecretExpiresAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
              </Badge>
            ) : null}
          </div>
          {endpoint.description ? <p className="text-[13px] text-zinc-600">{endpoint.description}</p> : null}
          <ul className="flex flex-wrap gap-1" aria-label={t("events")}>
            {endpoint.events.map((e) => (
              <li key={e} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700">
                {e}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap gap-1.5 sm:justify-end">
          <button
            type="button"
            className={button.secondary}
            onClick={() => setShowLog((v) => !v)}
            aria-expanded={showLog}
            data-testid="webhook-log-toggle"
          >
            <ScrollText className="size-3.5" aria-hidden="true" /> {t("deliveries")}
          </button>
          <button
            type="button"
            className={button.secondary}
            disabled={pending}
            data-testid="webhook-toggle"
            onClick={() =>
              run(() => updateWebhookEndpointAction({ endpointId: endpoint.id, enabled: !endpoint.enabled }))
            }
          >
            <Power className="size-3.5" aria-hidden="true" /> {endpoint.enabled ? t("disable") : t("enable")}
          </button>
          <button
            type="button"
            className={button.secondary}
            disabled={pending}
            data-testid="webhook-rotate"
            onClick={() => {
              if (!window.confirm(t("confirmRotate"))) return;
              run(
                () => rotateWebhookSecretAction({ endpointId: endpoint.id, overlapHours: 24 }),
                (data) => {
                  const r = data as { endpoint: TWebhookEndpoint; secret: string };
                  onRotated({ url: r.endpoint.url, secret: r.secret });
                },
              );
            }}
          >
            <RotateCw className="size-3.5" aria-hidden="true" /> {t("rotate")}
          </button>
          <button
            type="button"
            className={button.danger}
            disabled={pending}
            aria-label={t("deleteLabel", { url: endpoint.url })}
            data-testid="webhook-delete"
            onClick={() => {
              if (window.confirm(t("confirmDelete", { url: endpoint.url })))
                run(() => deleteWebhookEndpointAction({ endpointId: endpoint.id }));
            }}
          >
            <Trash2 className="size-3.5" aria-hidden="true" />
          </button>
        </div>
      </div>
      {error ? (
        <div className="px-4 pb-3">
          <Outcome error={error} />
        </div>
      ) : null}
      {showLog ? <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} /> : null}
    </li>
  );
}
