export { createMessagingClient, MessagingClient } from "./client";
export type { TMessagingClientOptions, TMessagingEvents, TSendFile, TSendText } from "./client";
export type {
  TClientContactSession,
  TClientConversation,
  TClientSendResult,
  TAttachmentRef,
  TMessageEvent,
} from "./types";
