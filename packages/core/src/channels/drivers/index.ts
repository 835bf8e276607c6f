import type { TChannelType } from "@forecourt/protocol";
import { emailDriver } from "./email";
import { messengerDriver, whatsappDriver } from "./meta";
import { twilioSmsDriver } from "./twilio-sms";
import { telegramDriver } from "./telegram";
import type { TDeliveryDriver } from "./types";

/**
 * The delivery driver of each channel type we send to (one line per channel). A type without
 * a driver (the website chat, the API) is answered live and carries no delivery ticks.
 */
export const DELIVERY_DRIVERS: Partial<Record<TChannelType, TDeliveryDriver>> = {
  WHATSAPP: whatsappDriver,
  MESSENGER: messengerDriver,
  TELEGRAM: telegramDriver,
  EMAIL: emailDriver,
  TWILIO_SMS: twilioSmsDriver,
};

export function driverFor(type: TChannelType): TDeliveryDriver | null {
  return DELIVERY_DRIVERS[type] ?? null;
}

export type * from "./types";
export { optedOutRefusal, permanent } from "./types";
