export { startMetaGraph, type TMetaGraph, type TReadReceipt } from "./server";
export type { TMetaGraphOptions } from "./context";
export type {
  TInboundResult,
  TMessengerInbound,
  TMessengerInboundSpec,
  TWhatsAppInbound,
  TWhatsAppInboundSpec,
} from "./inbound";
export type { TStatusInput } from "./statuses";
export type { TPostResult } from "./webhooks";
export { signatureOf } from "./webhooks";
export { dealerTemplates } from "./templates";
export { webmOpusToOgg, opusPacketsToOgg } from "./ogg-opus";
export { bsuidFor, psidFor } from "./simulator/threads";
export type { TSimulatorPlugin } from "./simulator/plugin";
export type * from "./types";
