export { startTwilio, type TTwilio } from "./server";
export type { TTwilioOptions } from "./context";
export type { TTwilioInbound, TTwilioInboundResult } from "./inbound";
export type * from "./types";
