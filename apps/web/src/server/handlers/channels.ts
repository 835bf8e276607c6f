import { listApiChannels } from "@forecourt/core/api-channel/list-api-channels";
import { ZChannelRef } from "@forecourt/core/channels/channel-settings";
import { connectEmailChannel, ZConnectEmailChannel } from "@forecourt/core/channels/connect-email-channel";
import { listEmailChannels } from "@forecourt/core/channels/list-email-channels";
import { sendEmailTestMessage, ZEmailTestMessage } from "@forecourt/core/channels/send-email-test-message";
import { connectMessengerChannel, ZConnectMessengerChannel } from "@forecourt/core/channels/connect-messenger-channel";
import { connectSmsChannel, ZConnectSmsChannel } from "@forecourt/core/channels/connect-sms-channel";
import { connectWhatsAppChannel, ZConnectWhatsAppChannel } from "@forecourt/core/channels/connect-whatsapp-channel";
import { listChannelConnections } from "@forecourt/core/channels/list-channel-connections";
import { listChannels } from "@forecourt/core/channels/list-channels";
import { listSmsConnections } from "@forecourt/core/channels/list-sms-connections";
import { checkTelegramChannel } from "@forecourt/core/channels/check-telegram-channel";
import { connectTelegramChannel, ZConnectTelegramChannel } from "@forecourt/core/channels/connect-telegram-channel";
import { disconnectTelegramChannel } from "@forecourt/core/channels/disconnect-telegram-channel";
import { listTelegramConnections } from "@forecourt/core/channels/list-telegram-connections";
import { regenerateVerifyToken } from "@forecourt/core/channels/regenerate-verify-token";
import { sendChannelTestMessage, ZChannelTestMessage } from "@forecourt/core/channels/send-channel-test-message";
import { sendSmsTestMessage, ZSmsTestMessage } from "@forecourt/core/channels/send-sms-test-message";
import { setChannelStatus, ZSetChannelStatus } from "@forecourt/core/channels/set-channel-status";
import { syncTemplates } from "@forecourt/core/channels/sync-templates";
import {
  updateChannelCredentials,
  ZUpdateChannelCredentials,
} from "@forecourt/core/channels/update-channel-credentials";
import { updateSmsCredentials, ZUpdateSmsCredentials } from "@forecourt/core/channels/update-sms-credentials";
import { createWidgetChannel, listWidgetChannels, ZCreateWidgetChannel } from "@forecourt/core/chat/widget-channels";
import { getConfig } from "@forecourt/config";
import { defineHandler } from "../define-handler";

/*
 * Settings → Channels (owners and admins of the active tenant, settings.channels.manage): the
 * wrapper asks the matrix, core asks again inside the transaction and keeps every channel to
 * the member's dealer scope, so another dealer's or tenant's channel is "not found".
 */

const MANAGE = { permission: "settings.channels.manage" } as const;

/** /settings/channels: the dealers in scope, each dealer's website chats, WhatsApp / Messenger, SMS and API (app) channels. */
export const loadChannelsPage = defineHandler(MANAGE, async ({ principal }) => {
  const [{ dealers }, widgets, meta, telegram, email, sms, api] = await Promise.all([
    listChannels({ principal }),
    listWidgetChannels({ agent: principal }),
    listChannelConnections({ principal }),
    listTelegramConnections({ principal }),
    listEmailChannels({ principal }),
    listSmsConnections({ principal }),
    listApiChannels({ principal }),
  ]);
  return { dealers, widgets, meta, telegram, email, sms, api, webUrl: getConfig().WEB_URL };
});

export type TChannelsPage = Extract<Awaited<ReturnType<typeof loadChannelsPage>>, { ok: true }>["data"];

export const handleCreateWidgetChannel = defineHandler(
  { ...MANAGE, input: ZCreateWidgetChannel },
  ({ principal, input }) => createWidgetChannel({ agent: principal, ...input }),
);

export const handleConnectWhatsApp = defineHandler(
  { ...MANAGE, input: ZConnectWhatsAppChannel },
  ({ principal, input }) => connectWhatsAppChannel({ principal, ...input }),
);

export const handleConnectMessenger = defineHandler(
  { ...MANAGE, input: ZConnectMessengerChannel },
  ({ principal, input }) => connectMessengerChannel({ principal, ...input }),
);

export const handleUpdateChannelCredentials = defineHandler(
  { ...MANAGE, input: ZUpdateChannelCredentials },
  ({ principal, input }) => updateChannelCredentials({ principal, ...input }),
);

export const handleRegenerateVerifyToken = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  regenerateVerifyToken({ principal, ...input }),
);

export const handleSetChannelStatus = defineHandler({ ...MANAGE, input: ZSetChannelStatus }, ({ principal, input }) =>
  setChannelStatus({ principal, ...input }),
);

export const handleSendChannelTestMessage = defineHandler(
  { ...MANAGE, input: ZChannelTestMessage },
  ({ principal, input }) => sendChannelTestMessage({ principal, ...input }),
);

export const handleSyncTemplates = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  syncTemplates({ principal, ...input }),
);

export const handleConnectTelegram = defineHandler(
  { ...MANAGE, input: ZConnectTelegramChannel },
  ({ principal, input }) => connectTelegramChannel({ principal, ...input }),
);

export const handleDisconnectTelegram = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  disconnectTelegramChannel({ principal, ...input }),
);

export const handleCheckTelegram = defineHandler({ ...MANAGE, input: ZChannelRef }, ({ principal, input }) =>
  checkTelegramChannel({ principal, ...input }),
);

export const handleConnectEmail = defineHandler({ ...MANAGE, input: ZConnectEmailChannel }, ({ principal, input }) =>
  connectEmailChannel({ principal, ...input }),
);

export const handleSendEmailTest = defineHandler({ ...MANAGE, input: ZEmailTestMessage }, ({ principal, input }) =>
  sendEmailTestMessage({ principal, ...input }),
);

export const handleConnectSms = defineHandler({ ...MANAGE, input: ZConnectSmsChannel }, ({ principal, input }) =>
  connectSmsChannel({ principal, ...input }),
);

export const handleSendSmsTestMessage = defineHandler({ ...MANAGE, input: ZSmsTestMessage }, ({ principal, input }) =>
  sendSmsTestMessage({ principal, ...input }),
);

export const handleUpdateSmsCredentials = defineHandler(
  { ...MANAGE, input: ZUpdateSmsCredentials },
  ({ principal, input }) => updateSmsCredentials({ principal, ...input }),
);
