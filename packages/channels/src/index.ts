export * from "./types";
export { metaHandshake, metaSignatureOf, verifyMetaSignature } from "./meta-signature";
export { parseMetaWebhook } from "./meta-webhook";
export { graphFailure } from "./graph-client";
export {
  WHATSAPP_CAPABILITIES,
  fetchWhatsAppMedia,
  fillTemplate,
  listWhatsAppTemplates,
  markWhatsAppRead,
  sendWhatsApp,
  templateVariableCount,
  whatsappReplyWindow,
  whatsappRouteKey,
  type TWhatsAppContext,
  type TWhatsAppRecipient,
} from "./whatsapp";
export {
  MESSENGER_CAPABILITIES,
  fetchMessengerMedia,
  fetchMessengerName,
  markMessengerSeen,
  messengerReplyWindow,
  messengerRouteKey,
  sendMessenger,
  type TMessengerContext,
} from "./messenger";
export * from "./telegram/config";
export { botApi, botFileDownload, telegramFailure } from "./telegram/client";
export {
  deleteTelegramWebhook,
  fetchTelegramMedia,
  getTelegramMe,
  getTelegramWebhookInfo,
  sendTelegram,
  setTelegramWebhook,
  telegramMessageId,
  type TTelegramBot,
  type TTelegramWebhookInfo,
} from "./telegram/bot-api";
export { parseTelegramUpdate, type TTelegramMembership, type TTelegramUpdate } from "./telegram/updates";
export * from "./email";
