import { createHash } from "node:crypto";
import { ChannelSendError, type TSendFailure } from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { ATTACHMENT_MAX_BYTES, type TMessageContent } from "@forecourt/protocol";
import { checkFile, normaliseType } from "../chat/magic-bytes";
import { messageEventById } from "../chat/message-event";
import { publishMessageUpdate } from "../chat/realtime";
import { discardStoredFile, storeAttachment } from "../storage/attachments";
import { driverFor } from "./drivers";
import type { TDeliveryAttempt } from "./deliver-message";

type TPendingMedia = Extract<TMessageContent, { type: "media" }> & {
  ref?: string;
  mimeType?: string | null;
  fileName?: string | null;
};

const EXTENSION_HINT: Record<string, string> = { voice: "voice-note", image: "photo", audio: "audio", video: "video" };

/**
 * The media job: downloads an inbound photo, voice note or file (Meta's URLs live minutes, so
 * at once), checks size, type and magic bytes, stores it through the storage helper and attaches
 * it to its message; the inbox swaps "Receiving…" for the file. A refused or unreachable file
 * is marked failed with the reason; the message itself stays.
 */
export async function fetchInboundMedia(options: { customerId: string; messageId: string } & TDeliveryAttempt) {
  const loaded = await withTenant(options.customerId, (tx) =>
    tx.message.findUnique({
      where: { id: options.messageId },
      include: { conversation: { include: { channel: true } } },
    }),
  );
  const data = loaded?.data as TPendingMedia | null | undefined;
  if (!loaded || data?.type !== "media" || data.state !== "pending" || !data.ref) return "skipped" as const;
  const driver = driverFor(loaded.conversation.channel.type);
  if (!driver?.fetchMedia) return finish(options, data, { failure: "This channel does not deliver files." });

  let download: { bytes: Uint8Array; mimeType: string | null };
  try {
    download = await driver.fetchMedia(
      loaded.conversation.channel,
      { ref: data.ref, mimeType: data.mimeType ?? null, fileName: data.fileName ?? null, kind: data.mediaKind },
      ATTACHMENT_MAX_BYTES,
    );
  } catch (error) {
    if (!(error instanceof ChannelSendError)) throw error;
    const failure: TSendFailure = error.failure;
    if (failure.retryable && options.attempt < options.maxAttempts) throw error;
    return finish(options, data, { failure: failure.message });
  }
  const declaredType = normaliseType(data.mimeType ?? download.mimeType ?? "");
  const check = checkFile({
    bytes: download.bytes,
    declaredType,
    fileName: data.fileName ?? EXTENSION_HINT[data.mediaKind] ?? "file",
  });
  if (!check.ok) return finish(options, data, { failure: `File refused: ${check.reason.replaceAll("_", " ")}` });
  const storageKey = await storeAttachment(options.customerId, download.bytes);
  try {
    return await finish(options, data, {
      file: {
        fileName: check.fileName,
        mimeType: check.mimeType,
        sizeBytes: download.bytes.length,
        sha256: createHash("sha256").update(download.bytes).digest("hex"),
        storageKey,
      },
    });
  } catch (error) {
    await discardStoredFile(storageKey);
    throw error;
  }
}

async function finish(
  options: { customerId: string; messageId: string },
  data: TPendingMedia,
  outcome:
    | { failure: string }
    | { file: { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string } },
) {
  // Meta's reference is dropped once it has served: only the media kind and state remain.
  const content: TMessageContent =
    "file" in outcome
      ? { type: "media", mediaKind: data.mediaKind, state: "stored" }
      : { type: "media", mediaKind: data.mediaKind, state: "failed", reason: outcome.failure.slice(0, 500) };
  const event = await withTenant(options.customerId, async (tx) => {
    if ("file" in outcome)
      await tx.attachment.create({
        data: { customerId: options.customerId, messageId: options.messageId, ...outcome.file },
      });
    await tx.message.update({
      where: { id: options.messageId },
      data: { data: content, kind: "file" in outcome ? "ATTACHMENT" : "TEXT", awaitingJob: false },
    });
    return messageEventById(tx, options.messageId);
  });
  if (event) publishMessageUpdate(event);
  return "file" in outcome ? ("stored" as const) : ("failed" as const);
}
