"use server";

import { runAction } from "@/server/action-helpers";
import {
  handleCheckTelegram,
  handleConnectEmail,
  handleConnectMessenger,
  handleConnectSms,
  handleConnectTelegram,
  handleDisconnectTelegram,
  handleConnectWhatsApp,
  handleCreateWidgetChannel,
  handleRegenerateVerifyToken,
  handleSendChannelTestMessage,
  handleSendEmailTest,
  handleSendSmsTestMessage,
  handleSetChannelStatus,
  handleSyncTemplates,
  handleUpdateChannelCredentials,
  handleUpdateSmsCredentials,
} from "@/server/handlers/channels";

// Settings → Channels. The forms send plain objects (they keep what was typed when a field is
// refused); each handler asks the permission matrix (settings.channels.manage) before core.
const PATHS = ["/settings/channels"];

export async function createWidgetChannelAction(input: unknown) {
  return runAction(handleCreateWidgetChannel, input, PATHS);
}
export async function connectWhatsAppAction(input: unknown) {
  return runAction(handleConnectWhatsApp, input, PATHS);
}
export async function connectMessengerAction(input: unknown) {
  return runAction(handleConnectMessenger, input, PATHS);
}
export async function updateChannelCredentialsAction(input: unknown) {
  return runAction(handleUpdateChannelCredentials, input, PATHS);
}
export async function regenerateVerifyTokenAction(input: unknown) {
  return runAction(handleRegenerateVerifyToken, input, PATHS);
}
export async function setChannelStatusAction(input: unknown) {
  return runAction(handleSetChannelStatus, input, PATHS);
}
export async function sendChannelTestMessageAction(input: unknown) {
  return runAction(handleSendChannelTestMessage, input, []);
}
export async function syncTemplatesAction(input: unknown) {
  return runAction(handleSyncTemplates, input, PATHS);
}
export async function connectTelegramAction(input: unknown) {
  return runAction(handleConnectTelegram, input, PATHS);
}
export async function disconnectTelegramAction(input: unknown) {
  return runAction(handleDisconnectTelegram, input, PATHS);
}
export async function checkTelegramAction(input: unknown) {
  return runAction(handleCheckTelegram, input, PATHS);
}
export async function connectEmailAction(input: unknown) {
  return runAction(handleConnectEmail, input, PATHS);
}
export async function sendEmailTestAction(input: unknown) {
  return runAction(handleSendEmailTest, input, []);
}
export async function connectSmsAction(input: unknown) {
  return runAction(handleConnectSms, input, PATHS);
}
export async function sendSmsTestMessageAction(input: unknown) {
  return runAction(handleSendSmsTestMessage, input, []);
}
export async function updateSmsCredentialsAction(input: unknown) {
  return runAction(handleUpdateSmsCredentials, input, PATHS);
}
