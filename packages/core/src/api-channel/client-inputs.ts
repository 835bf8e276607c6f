import { z } from "zod";
import { ZClientMessagesQuery, ZClientSendText } from "@forecourt/protocol/api-channel";

/* The inputs of the Client API routes as the web app assembles them (path parameters + body or query). */

export const ZClientListMessagesInput = z.object({ conversationId: z.uuid(), query: ZClientMessagesQuery });
export const ZClientSendInput = z.object({ conversationId: z.uuid(), message: ZClientSendText });
