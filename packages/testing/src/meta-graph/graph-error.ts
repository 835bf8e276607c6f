import { randomBytes } from "node:crypto";

/*
 * Graph API errors as Meta writes them:
 *   {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
 *    "error_data":{"messaging_product":"whatsapp","details":"…"},"error_subcode":…,"fbtrace_id":"…"}}
 * WhatsApp Cloud API errors carry `error_data.details`; Messenger's carry none.
 */

export type TGraphError = {
  status: number;
  body: {
    error: {
      message: string;
      type: string;
      code: number;
      error_subcode?: number;
      error_data?: { messaging_product: "whatsapp"; details: string };
      error_user_title?: string;
      error_user_msg?: string;
      fbtrace_id: string;
    };
  };
};

/** Titles and details of the codes a stand-in user is likely to inject (Meta's wording). */
export const GRAPH_ERRORS: Record<number, { title: string; details: string; status?: number }> = {
  1: { title: "An unknown error occurred", details: "An unknown error occurred.", status: 500 },
  2: { title: "Service temporarily unavailable", details: "Service temporarily unavailable.", status: 503 },
  4: { title: "Application request limit reached", details: "Too many API calls from this app.", status: 429 },
  10: { title: "Permission denied", details: "Permission is either not granted or has been removed." },
  100: { title: "Invalid parameter", details: "Invalid parameter." },
  190: { title: "Invalid OAuth access token", details: "Invalid OAuth access token.", status: 401 },
  200: { title: "Permission error", details: "The app lacks the permission to do this." },
  551: { title: "This person isn't available right now.", details: "This person isn't available right now." },
  613: { title: "Calls to this api have exceeded the rate limit.", details: "Rate limit.", status: 429 },
  80007: {
    title: "Rate limit issues",
    details: "The WhatsApp Business Account has reached its rate limit.",
    status: 429,
  },
  130429: {
    title: "Rate limit hit",
    details: "Cloud API message throughput has been reached.",
    status: 429,
  },
  131000: {
    title: "Something went wrong",
    details: "Message failed to send because of an unknown error.",
    status: 500,
  },
  131008: { title: "Required parameter is missing", details: "A required parameter is missing." },
  131009: { title: "Parameter value is not valid", details: "One or more parameter values are invalid." },
  131026: {
    title: "Message undeliverable",
    details: "Unable to deliver message. The recipient may not be on WhatsApp or uses an old app version.",
  },
  131047: {
    title: "Re-engagement message",
    details:
      "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  },
  131051: { title: "Unsupported message type", details: "Unsupported message type." },
  131052: { title: "Media download error", details: "Unable to download the media sent by the user." },
  131053: { title: "Media upload error", details: "Unable to upload the media used in the message." },
  131056: {
    title: "(Business Account, Consumer Account) pair rate limit hit",
    details: "Too many messages sent from this phone number to the same phone number in a short period.",
    status: 429,
  },
  131062: {
    title: "Business-scoped User ID recipients are not supported for this message",
    details: "This message type cannot be sent to a business-scoped user ID.",
  },
  132000: {
    title: "Number of parameters does not match the expected number of params",
    details: "The number of variable parameter values does not match the number in the template.",
  },
  132001: {
    title: "Template name does not exist in the translation",
    details: "The template does not exist in the specified language or has not been approved.",
    status: 404,
  },
  132015: { title: "Template is Paused", details: "The template is paused because of low quality." },
};

export const fbtraceId = () => `A${randomBytes(11).toString("base64url")}`;

export function graphError(options: {
  code: number;
  subcode?: number;
  status?: number;
  message?: string;
  details?: string;
  /** WhatsApp errors carry error_data; Messenger errors do not. */
  whatsapp?: boolean;
  type?: string;
}): TGraphError {
  const known = GRAPH_ERRORS[options.code];
  const title = options.message ?? known?.title ?? "Unknown error";
  const body: TGraphError["body"] = {
    error: {
      message: title.startsWith("(#") ? title : `(#${options.code}) ${title}`,
      type: options.type ?? "OAuthException",
      code: options.code,
      fbtrace_id: fbtraceId(),
    },
  };
  if (options.subcode !== undefined) body.error.error_subcode = options.subcode;
  if (options.whatsapp !== false)
    body.error.error_data = { messaging_product: "whatsapp", details: options.details ?? known?.details ?? title };
  return { status: options.status ?? known?.status ?? 400, body };
}

/** A required or malformed parameter: Graph's code 100 with Meta's wording. */
export function invalidParameter(message: string, options: { whatsapp?: boolean; subcode?: number } = {}) {
  return graphError({
    code: 100,
    message: `(#100) ${message}`,
    details: message,
    whatsapp: options.whatsapp,
    subcode: options.subcode,
  });
}

/** No or a wrong token: 401, code 190. */
export function invalidToken(whatsapp = true) {
  return graphError({
    code: 190,
    message: "Invalid OAuth access token - Cannot parse access token",
    whatsapp,
    status: 401,
  });
}

/** An id nobody here knows, or one the token may not use (Graph's wording for both). */
export function unknownObject(id: string, whatsapp = true) {
  return graphError({
    code: 100,
    subcode: 33,
    message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    details: `Object with ID '${id}' does not exist.`,
    type: "GraphMethodException",
    whatsapp,
  });
}
