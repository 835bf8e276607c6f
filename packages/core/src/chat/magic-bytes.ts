import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "@forecourt/protocol";

export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * The types a file's first bytes allow (containers such as MP4 and WebM hold audio or video, so
 * more than one); empty for anything we do not accept.
 */
export function sniffTypes(bytes: Uint8Array): TAttachmentType[] {
  const single = sniffType(bytes);
  if (single) return [single];
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x4f, 0x67, 0x67, 0x53)) return ["audio/ogg"];
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return ["audio/webm", "video/webm"];
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70)
    return ["audio/mp4", "video/mp4"];
  if (starts(0x49, 0x44, 0x33)) return ["audio/mpeg"];
  if (starts(0x23, 0x21, 0x41, 0x4d, 0x52)) return ["audio/amr"];
  // MPEG audio frame sync (11 set bits); layer bits 00 are ADTS, i.e. AAC.
  if (bytes[0] === 0xff && bytes[1] !== undefined && (bytes[1] & 0xe0) === 0xe0)
    return (bytes[1] & 0x06) === 0 ? ["audio/aac"] : ["audio/mpeg"];
  return [];
}

/** The real type of a file from its first bytes, for formats with one clear signature; null otherwise. */
export function sniffType(bytes: Uint8Array): TAttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  return null;
}

export type TFileCheck =
  | { ok: true; mimeType: TAttachmentType; fileName: string }
  | { ok: false; reason: "too_large" | "empty" | "type_not_allowed" | "type_mismatch" };

/**
 * Size, declared type and magic bytes must all agree: a PDF renamed to .png, or an HTML file
 * declared as a PDF, is refused.
 */
export function checkFile(options: { bytes: Uint8Array; declaredType: string; fileName: string }): TFileCheck {
  const { bytes } = options;
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > ATTACHMENT_MAX_BYTES) return { ok: false, reason: "too_large" };
  const declaredType = normaliseType(options.declaredType);
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(declaredType)) return { ok: false, reason: "type_not_allowed" };
  const sniffed = sniffTypes(bytes);
  if (sniffed.length === 0) return { ok: false, reason: "type_not_allowed" };
  const declared = declaredType as TAttachmentType;
  if (!sniffed.includes(declared)) return { ok: false, reason: "type_mismatch" };
  return { ok: true, mimeType: declared, fileName: safeFileName(options.fileName, declared) };
}

/** Other names browsers and channels use for the same types. */
const TYPE_ALIASES: Record<string, string> = {
  "audio/mp3": "audio/mpeg",
  "audio/x-m4a": "audio/mp4",
  "audio/m4a": "audio/mp4",
  "audio/opus": "audio/ogg",
  "audio/x-aac": "audio/aac",
  "image/jpg": "image/jpeg",
};

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function normaliseType(type: string): string {
  const base = (type.split(";")[0] ?? "").trim().toLowerCase();
  return TYPE_ALIASES[base] ?? base;
}

const EXTENSIONS: Record<TAttachmentType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "audio/ogg": "ogg",
  "audio/webm": "weba",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

/** A file name safe for Content-Disposition: no paths, no control or quote characters. */
export function safeFileName(name: string, type: TAttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 100);
  const ext = EXTENSIONS[type];
  if (!base) return `file.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) || (type === "image/jpeg" && /\.jpe?g$/i.test(base))
    ? base
    : `${base}.${ext}`;
}
