export { createMessagingClient, MessagingClient } from "./client";
export type { TMessagingClientOptions, TMessagingEvents, TSendFile, TSendText } from "./client";
export type { TApiContactSession, TApiConversation, TApiSendResult, TAttachmentRef, TMessageEvent } from "./types";
