import type { TTemplateDefinition } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import type { TPrincipal } from "../principal";
import type { TMetaChannel } from "./meta-channel";
import { loadManagedMetaChannel, maskSecret } from "./meta-connection";
import { inChannelSettings, lifecycleDayOf } from "./channel-settings";

/** The one callback URL of every Meta app that sends us webhooks (WhatsApp and Messenger alike). */
export function metaCallbackUrl(): string {
  return `${getConfig().WEB_URL.replace(/\/$/, "")}/api/hooks/meta`;
}

/** A synced template as the settings page lists it: the adapter's definition with our row id. */
export type TChannelTemplate = TTemplateDefinition & { id: string };

type TCommon = {
  channelId: string;
  name: string;
  status: "ACTIVE" | "DISABLED";
  dealer: { id: string; name: string };
  /** Paste into Meta: the app's webhook callback URL and verify token (shown to administrators only). */
  callbackUrl: string;
  verifyToken: string;
  /** The termination switched the channel off on this day (YYYY-MM-DD); null otherwise. */
  disabledByLifecycleOn: string | null;
  connectedAt: Date;
};

export type TChannelConnectionInfo =
  | (TCommon & {
      type: "WHATSAPP";
      config: { phoneNumberId: string; wabaId: string; displayPhoneNumber: string };
      masked: { accessToken: string; appSecret: string };
      templates: { count: number; lastSyncedAt: Date | null; items: TChannelTemplate[] };
    })
  | (TCommon & {
      type: "MESSENGER";
      config: { pageId: string; pageName: string };
      masked: { pageAccessToken: string; appSecret: string };
      templates: null;
    });

type TTemplateRow = TChannelTemplate & { syncedAt: Date };

/** The connection info of one loaded channel (shared by the single and the list use case). */
export function connectionInfoOf(
  channel: { id: string; name: string; status: "ACTIVE" | "DISABLED"; config: unknown; createdAt: Date },
  meta: TMetaChannel,
  dealer: { id: string; name: string },
  templates: TTemplateRow[],
): TChannelConnectionInfo {
  const common = {
    channelId: channel.id,
    name: channel.name,
    status: channel.status,
    dealer: { id: dealer.id, name: dealer.name },
    callbackUrl: metaCallbackUrl(),
    verifyToken: meta.secrets.verifyToken,
    disabledByLifecycleOn: lifecycleDayOf(channel.config),
    connectedAt: channel.createdAt,
  };
  if (meta.type === "MESSENGER") {
    const { secrets } = meta;
    return {
      ...common,
      type: "MESSENGER",
      config: meta.config,
      masked: { pageAccessToken: maskSecret(secrets.pageAccessToken), appSecret: maskSecret(secrets.appSecret) },
      templates: null,
    };
  }
  const { secrets } = meta;
  const lastSyncedAt = templates.reduce<Date | null>((d, t) => (!d || t.syncedAt > d ? t.syncedAt : d), null);
  return {
    ...common,
    type: "WHATSAPP",
    config: meta.config,
    masked: { accessToken: maskSecret(secrets.accessToken), appSecret: maskSecret(secrets.appSecret) },
    templates: {
      count: templates.length,
      lastSyncedAt,
      items: templates.map((t) => ({
        id: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        body: t.body,
        variableCount: t.variableCount,
      })),
    },
  };
}

export const TEMPLATE_ORDER = [{ name: "asc" as const }, { language: "asc" as const }];

/**
 * What an administrator needs to finish connecting a WhatsApp or Messenger channel in Meta's
 * app dashboard, and to see it is working: the callback URL and the verify token, the stored
 * token and app secret masked to their last 4 characters (they never leave core in clear),
 * status, and for WhatsApp the synced templates.
 */
export async function getChannelConnectionInfo(options: {
  principal: TPrincipal;
  channelId: string;
}): Promise<TChannelConnectionInfo> {
  return inChannelSettings(options.principal, "channel connection info", async (tx, agent) => {
    const { row: channel, meta } = await loadManagedMetaChannel(tx, agent, options.channelId);
    const dealer = await tx.dealer.findUniqueOrThrow({ where: { id: channel.dealerId } });
    const templates =
      meta.type === "WHATSAPP"
        ? await tx.messageTemplate.findMany({
            where: { channelId: channel.id, customerId: agent.tenant.customerId },
            orderBy: TEMPLATE_ORDER,
          })
        : [];
    return connectionInfoOf(channel, meta, dealer, templates);
  });
}
