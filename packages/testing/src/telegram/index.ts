export { startTelegramBotApi, type TTelegramBotApi } from "./server";
export type { TTelegramOptions } from "./context";
export type { TTelegramInbound, TTelegramInboundResult, TTelegramInboundSpec } from "./inbound";
export type { TPostResult } from "./webhooks";
export type * from "./types";
