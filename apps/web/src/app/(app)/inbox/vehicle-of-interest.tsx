"use client";

import { useTranslations } from "next-intl";
import { CarFront, ExternalLink } from "lucide-react";
import type { TVehicleOfInterest } from "@forecourt/protocol";

/**
 * The car the visitor was looking at (the widget's `setVehicle`). Visitor input: React escapes
 * every field, and the link is an http(s) URL (ZVehicleOfInterest) opened without a referrer
 * or opener, marked nofollow.
 */
export function VehicleOfInterest({ vehicle, compact = false }: { vehicle: TVehicleOfInterest; compact?: boolean }) {
  const t = useTranslations("widgetApi.vehicle");
  const title = [vehicle.make, vehicle.model].filter(Boolean).join(" ") || t("unnamed");
  const id = vehicle.vin ? `${t("vin")} ${vehicle.vin}` : `${t("stockNumber")} ${vehicle.stockNumber}`;
  if (compact) {
    return (
      <p
        className="flex w-full min-w-0 items-center gap-1.5 rounded-md bg-brand-50 px-2 py-1 text-[12px] text-zinc-600 xl:hidden"
        data-testid="vehicle-of-interest-compact"
      >
        <CarFront className="size-3.5 shrink-0 text-brand-600" aria-hidden="true" />
        <span className="truncate">
          {t("lookingAt")} <strong className="font-medium text-zinc-900">{title}</strong> · {id}
        </span>
      </p>
    );
  }
  return (
    <section
      className="rounded-lg border border-brand-100 bg-brand-50 p-3"
      aria-label={t("title")}
      data-testid="vehicle-of-interest"
    >
      <h4 className="flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-brand-700 uppercase">
        <CarFront className="size-3.5" aria-hidden="true" /> {t("title")}
      </h4>
      <p className="mt-1.5 text-[14px] font-semibold break-words text-zinc-900">{title}</p>
      <dl className="mt-1 space-y-0.5 text-[12px] text-zinc-600">
        {vehicle.vin ? (
          <div className="flex gap-1">
            <dt className="text-zinc-500">{t("vin")}</dt>
            <dd className="font-mono break-all">{vehicle.vin}</dd>
          </div>
        ) : null}
        {vehicle.stockNumber ? (
          <div className="flex gap-1">
            <dt className="text-zinc-500">{t("stockNumber")}</dt>
            <dd className="font-mono break-all">{vehicle.stockNumber}</dd>
          </div>
        ) : null}
      </dl>
      {vehicle.url ? (
        <a
          href={vehicle.url}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="mt-2 inline-flex items-center gap-1 text-[12px] font-medium text-brand-700 hover:underline"
          title={vehicle.url}
        >
          <ExternalLink className="size-3" aria-hidden="true" /> {t("openPage")}
        </a>
      ) : null}
    </section>
  );
}
