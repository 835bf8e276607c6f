import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { smsSegments } from "@forecourt/protocol";
import { fetchAttachment } from "../meta-graph/fetch-attachment";
import { BodyTooLarge, readBody, sendJson, sleep } from "../meta-graph/http-util";
import { rfc2822, twilioSid } from "./ids";
import type { TTwilioContext } from "./context";
import type { TTwilioAccount, TTwilioSent } from "./types";

/*
 * Twilio's REST API, the part Forecourt uses: `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * (form-encoded, Basic auth with the Account SID and Auth Token), `GET …/Accounts/{sid}.json`,
 * and MMS media (`GET …/Messages/{sid}/Media/{sid}`, Basic auth, then a redirect to an
 * unauthenticated, expiring media link, as Twilio's CDN does). Errors are Twilio's JSON:
 * `{code, message, more_info, status}`.
 */

const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_BODY = 1600;
const MEDIA_LINK_TTL_MS = 5 * 60_000;

function twilioError(res: ServerResponse, status: number, code: number, message: string) {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** The account a Basic-auth header proves, or null (Twilio: 401, code 20003). */
function authenticated(ctx: TTwilioContext, req: IncomingMessage): TTwilioAccount | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const account = ctx.state.accounts.get(decoded.slice(0, colon));
  if (!account) return null;
  const given = Buffer.from(decoded.slice(colon + 1));
  const expected = Buffer.from(account.authToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? account : null;
}

function unauthenticated(res: ServerResponse) {
  res.setHeader("www-authenticate", 'Basic realm="Twilio API"');
  twilioError(res, 401, 20003, "Authenticate");
}

export async function routeRest(ctx: TTwilioContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const cdn = /^\/__media\/(ME[0-9a-f]{32})$/.exec(url.pathname);
  if (cdn && req.method === "GET") return serveMediaLink(ctx, res, cdn[1]!, url);

  const path =
    /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})(\.json|\/Messages\.json|\/Messages\/([A-Z]{2}[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32}))$/.exec(
      url.pathname,
    );
  if (!path) return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
  const account = authenticated(ctx, req);
  if (!account) return unauthenticated(res);
  // Credentials of one account cannot reach another's resources.
  if (account.accountSid !== path[1])
    return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`);

  if (path[2] === ".json" && req.method === "GET")
    return sendJson(res, 200, {
      sid: account.accountSid,
      friendly_name: account.friendlyName,
      status: "active",
      type: "Full",
      date_created: rfc2822(new Date(0)),
      uri: `/2010-04-01/Accounts/${account.accountSid}.json`,
    });
  if (path[2] === "/Messages.json" && req.method === "POST") return createMessage(ctx, req, res, account);
  if (path[4] && req.method === "GET") return redirectToMedia(ctx, res, account, path[4]);
  return twilioError(res, 405, 20004, "Method not allowed");
}

async function createMessage(ctx: TTwilioContext, req: IncomingMessage, res: ServerResponse, account: TTwilioAccount) {
  let raw: Buffer;
  try {
    raw = await readBody(req, 1 << 20);
  } catch (error) {
    if (error instanceof BodyTooLarge) return twilioError(res, 413, 20001, "Request too large");
    throw error;
  }
  const failure = ctx.state.takeFailure("send", account.accountSid);
  if (failure?.kind === "hang") {
    await sleep(failure.ms);
    if (!res.destroyed) res.destroy();
    return;
  }
  if (failure?.kind === "drop") return void req.socket.destroy();
  if (failure?.kind === "server_error")
    return twilioError(res, failure.status ?? 500, 20500, "An internal server error has occurred");
  if (failure?.kind === "rate_limit") return twilioError(res, 429, 20429, "Too Many Requests");
  if (failure?.kind === "api_error")
    return twilioError(res, failure.status ?? 400, failure.code, failure.message ?? `Error ${failure.code}`);

  const form = new URLSearchParams(raw.toString("utf8"));
  const to = form.get("To")?.trim() ?? "";
  const from = form.get("From")?.trim() || null;
  const serviceSid = form.get("MessagingServiceSid")?.trim() || null;
  const body = form.get("Body") ?? "";
  const mediaUrls = form.getAll("MediaUrl");
  const statusCallback = form.get("StatusCallback") || null;
  if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (!from && !serviceSid) return twilioError(res, 400, 21603, "A 'From' phone number is required.");
  if (serviceSid && serviceSid !== account.messagingServiceSid)
    return twilioError(res, 400, 21701, `The Messaging Service Sid ${serviceSid} is invalid.`);
  if (from && !account.numbers.includes(from))
    return twilioError(
      res,
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    );
  if (!body && mediaUrls.length === 0) return twilioError(res, 400, 21602, "Message body is required.");
  if (body.length > MAX_BODY)
    return twilioError(res, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
  if (mediaUrls.length > 10) return twilioError(res, 400, 21623, "Too many media URLs (at most 10).");
  if (ctx.state.optedOut.has(`${account.accountSid} ${to}`))
    return twilioError(res, 400, 21610, "Attempt to send to unsubscribed recipient");

  const sender = from ?? account.numbers[0] ?? "";
  const message: TTwilioSent = {
    sid: twilioSid(mediaUrls.length > 0 ? "MM" : "SM"),
    accountSid: account.accountSid,
    to,
    from: sender,
    messagingServiceSid: serviceSid,
    body,
    mediaUrls,
    media: [],
    statusCallback,
    status: serviceSid ? "accepted" : "queued",
    errorCode: null,
    numSegments: Math.max(1, smsSegments(body).segments),
    at: new Date(ctx.now()).toISOString(),
  };
  // Twilio fetches MediaUrl itself (our signed attachment link); a link that fails fails the message (11200).
  for (const link of mediaUrls) {
    const fetched = await fetchAttachment(ctx.deliverTo ? link.replace(/^https?:\/\/[^/]+/, ctx.deliverTo) : link);
    if ("error" in fetched) {
      message.media.push({ url: link, mimeType: "", size: 0, error: fetched.error, sid: null });
      continue;
    }
    const sid = twilioSid("ME");
    ctx.state.media.set(sid, { sid, accountSid: account.accountSid, bytes: fetched.bytes, mimeType: fetched.mimeType });
    message.media.push({ url: link, mimeType: fetched.mimeType, size: fetched.bytes.length, error: null, sid });
  }
  ctx.state.recordSent(message);
  const created = new Date(ctx.now());
  sendJson(res, 201, {
    account_sid: account.accountSid,
    api_version: "2010-04-01",
    body,
    date_created: rfc2822(created),
    date_sent: null,
    date_updated: rfc2822(created),
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: serviceSid && !from ? null : sender,
    messaging_service_sid: serviceSid,
    num_media: String(mediaUrls.length),
    num_segments: String(message.numSegments),
    price: null,
    price_unit: "USD",
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `/2010-04-01/Accounts/${account.accountSid}/Messages/${message.sid}/Media.json` },
    to,
    uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${message.sid}.json`,
  });
  ctx.afterSend(message, failure?.kind === "status_failure" ? failure : null);
}

const linkSignature = (ctx: TTwilioContext, sid: string, expires: number) =>
  createHmac("sha256", ctx.linkSecret).update(`${sid}.${expires}`).digest("hex");

function redirectToMedia(ctx: TTwilioContext, res: ServerResponse, account: TTwilioAccount, mediaSid: string) {
  const media = ctx.state.media.get(mediaSid);
  if (!media || media.accountSid !== account.accountSid)
    return twilioError(res, 404, 20404, `The requested resource was not found`);
  const failure = ctx.state.takeFailure("media", account.accountSid);
  if (failure?.kind === "server_error")
    return twilioError(res, failure.status ?? 500, 20500, "An internal server error has occurred");
  if (failure?.kind === "drop") return void res.socket?.destroy();
  const expires = ctx.now() + MEDIA_LINK_TTL_MS;
  res.writeHead(307, {
    location: `${ctx.baseUrl()}/__media/${mediaSid}?Expires=${expires}&Signature=${linkSignature(ctx, mediaSid, expires)}`,
    "content-length": 0,
  });
  res.end();
}

function serveMediaLink(ctx: TTwilioContext, res: ServerResponse, mediaSid: string, url: URL) {
  const expires = Number(url.searchParams.get("Expires") ?? "0");
  const given = url.searchParams.get("Signature") ?? "";
  const media = ctx.state.media.get(mediaSid);
  if (!media || expires < ctx.now() || given !== linkSignature(ctx, mediaSid, expires)) {
    res.writeHead(403, { "content-type": "application/xml" });
    return res.end("<Error><Code>AccessDenied</Code></Error>");
  }
  res.writeHead(200, {
    "content-type": media.mimeType,
    "content-length": media.bytes.length,
    "cache-control": "private",
  });
  res.end(media.bytes);
}
