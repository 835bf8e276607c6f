import type { TApiVehicle } from "@forecourt/protocol/api";

type TVehicleRow = {
  id: string;
  vin: string | null;
  plate: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  motDate: Date | null;
};

/** A vehicle as every reader shows it (the inbox, the API, webhooks, the export): dates as YYYY-MM-DD. */
export function vehicleView(v: TVehicleRow): TApiVehicle {
  return {
    id: v.id,
    vin: v.vin,
    plate: v.plate,
    make: v.make,
    model: v.model,
    year: v.year,
    motDate: v.motDate?.toISOString().slice(0, 10) ?? null,
  };
}

/** The columns a validated vehicle input writes (ZVehicleInput's output). */
export function vehicleData(v: {
  vin?: string | null;
  plate?: string | null;
  make?: string | null;
  model?: string | null;
  year?: number | null;
  motDate?: string | null;
}) {
  return {
    vin: v.vin ?? null,
    plate: v.plate ?? null,
    make: v.make ?? null,
    model: v.model ?? null,
    year: v.year ?? null,
    motDate: v.motDate ? new Date(`${v.motDate}T00:00:00Z`) : null,
  };
}
