import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "@forecourt/protocol";

export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The real type of a file from its first bytes; null for anything we do not accept. */
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
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(options.declaredType))
    return { ok: false, reason: "type_not_allowed" };
  const sniffed = sniffType(bytes);
  if (!sniffed) return { ok: false, reason: "type_not_allowed" };
  if (sniffed !== options.declaredType) return { ok: false, reason: "type_mismatch" };
  return { ok: true, mimeType: sniffed, fileName: safeFileName(options.fileName, sniffed) };
}

const EXTENSIONS: Record<TAttachmentType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
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
