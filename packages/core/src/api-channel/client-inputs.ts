import { z } from "zod";
import { ZApiMessagesQuery, ZApiSendText } from "@forecourt/protocol/api-channel";

/* The inputs of the Client API routes as the web app assembles them (path parameters + body or query). */

export const ZApiListMessagesInput = z.object({ conversationId: z.uuid(), query: ZApiMessagesQuery });
export const ZApiSendInput = z.object({ conversationId: z.uuid(), message: ZApiSendText });
