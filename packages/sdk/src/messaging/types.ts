import type { z } from "zod";
import type { ZAttachmentRef } from "@forecourt/protocol";

/* The wire types, inferred from the protocol's zod schemas (the server parses with the same ones). */
export type { TMessageEvent } from "@forecourt/protocol";
export type { TClientContactSession, TClientConversation, TClientSendResult } from "@forecourt/protocol/api-channel";
export type TAttachmentRef = z.infer<typeof ZAttachmentRef>;
