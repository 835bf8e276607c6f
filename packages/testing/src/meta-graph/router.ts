import type { IncomingMessage, ServerResponse } from "node:http";
import type { TGraphContext } from "./context";
import { graphError, invalidToken } from "./graph-error";
import { accessTokenOf, BodyTooLarge, readBody, sendGraphError } from "./http-util";
import { handleCdn, handleMessengerSend, handlePageInfo, handleProfile } from "./messenger-api";
import {
  handleMediaDownload,
  handleMediaInfo,
  handlePhoneInfo,
  handleTemplates,
  handleWhatsAppSend,
  handleWhatsAppUpload,
} from "./whatsapp-api";

/** Uploads up to Meta's largest limit (documents, 100 MB) plus form overhead. */
const MAX_BODY_BYTES = 101 << 20;
const VERSION = /^v\d+\.\d+$/;

const unknownPath = (path: string) =>
  graphError({ code: 2500, message: `Unknown path components: ${path}`, whatsapp: false });

/** Graph API routes: `/{version}/{id}[/{edge}]`, plus the media download and CDN links. */
export async function routeGraph(ctx: TGraphContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const token = accessTokenOf(req, url);
  if (url.pathname === "/__media/whatsapp_business/attachments/" && req.method === "GET")
    return handleMediaDownload(ctx, req, res, url, token);
  const cdn = /^\/__cdn\/(\d+)$/.exec(url.pathname);
  if (cdn && req.method === "GET") return handleCdn(ctx, res, cdn[1]!, url);

  const [version, id, edge, ...rest] = url.pathname.split("/").filter(Boolean);
  if (!version || !VERSION.test(version) || !id || rest.length > 0)
    return sendGraphError(res, unknownPath(url.pathname));
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return sendGraphError(res, graphError({ code: 1, message: "Request too large", status: 413 }));
    throw error;
  }
  const account = ctx.state.whatsapp.get(id);
  const page = id === "me" ? ctx.state.pageByToken(token) : ctx.state.messenger.get(id);

  if (req.method === "POST" && edge === "messages") {
    if (account) return handleWhatsAppSend(ctx, req, res, account, raw, token);
    if (page || id === "me") return handleMessengerSend(ctx, req, res, page, raw, token);
  }
  if (req.method === "POST" && edge === "media" && account)
    return handleWhatsAppUpload(ctx, req, res, account, raw, token);
  if (req.method === "GET" && edge === "message_templates") return handleTemplates(ctx, req, res, id, token, url);
  if (!edge && (req.method === "GET" || req.method === "DELETE")) {
    const media = ctx.state.media.get(id);
    if (media && media.channel === "whatsapp") return handleMediaInfo(ctx, req, res, media, token, url);
    if (account && req.method === "GET") return handlePhoneInfo(res, account, token);
    if ((page || id === "me") && req.method === "GET") return handlePageInfo(res, page, token);
    if (req.method === "GET" && handleProfile(ctx, res, id, token, url)) return;
  }
  // No token, or one nobody issued: Graph says so before it looks at the object.
  const known =
    token !== null && (ctx.state.whatsappByToken(token).length > 0 || Boolean(ctx.state.pageByToken(token)));
  if (!known) return sendGraphError(res, invalidToken(false));
  return sendGraphError(
    res,
    graphError({
      code: 100,
      subcode: 33,
      message: `Unsupported ${req.method?.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: "GraphMethodException",
      whatsapp: false,
    }),
  );
}
