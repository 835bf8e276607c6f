import { z } from "zod";
import { API_SCOPES } from "@forecourt/auth";

/** A new API key as Settings → API keys creates it. */
export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one permission").max(API_SCOPES.length),
  /** Empty: every dealer (only for a creator who sees every dealer). */
  dealerIds: z.array(z.uuid()).max(200).default([]),
});
export type TCreateApiKey = z.input<typeof ZCreateApiKey>;

export const ZApiKeyId = z.object({ id: z.uuid() });

/** An API key as lists show it: never the key itself. */
export type TApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  dealerIds: string[];
  status: "ACTIVE" | "DISABLED";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyView(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  dealerIds: string[];
  status: "ACTIVE" | "DISABLED";
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): TApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    dealerIds: row.dealerIds,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
