import { z } from "zod";
import { ZSeqParam } from "@forecourt/protocol";

/**
 * The fields of an upload (agent or visitor), as the web app reads them from a size-bounded
 * multipart body: the conversation, the idempotency key and the file (checked by size, type
 * and magic bytes in save-attachment).
 */
export const ZUploadFields = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(8).max(64),
  file: z.instanceof(File, { error: "No file" }),
});

/** Query of a visitor's history page: ?conversationId=&before=<seq>. */
export const ZVisitorMessagesQuery = z.object({ conversationId: z.uuid(), before: ZSeqParam });
