/*
 * SMS/MMS through a dealer's own Twilio account. Imported as "@forecourt/channels/twilio-sms"
 * (not from the package root) so that nothing that only needs the shared types pulls the
 * `twilio` SDK in.
 */
export * from "./twilio-sms/config";
export { twilioFailure, twilioApiFailure } from "./twilio-sms/errors";
export { OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS, optOutChangeOf, type TOptOutChange } from "./twilio-sms/opt-out";
export {
  parseTwilioInbound,
  parseTwilioStatus,
  twilioParamsOf,
  verifyTwilioSignature,
  type TTwilioAddressing,
  type TTwilioInbound,
  type TTwilioParams,
} from "./twilio-sms/inbound";
export { fetchTwilioMedia, isTwilioMediaUrl, type TMediaDownload } from "./twilio-sms/media";
export {
  TWILIO_SMS_CAPABILITIES,
  asSendError,
  fetchTwilioAccount,
  sendTwilioSms,
  twilioClient,
  type TTwilioSmsContext,
} from "./twilio-sms/send";
