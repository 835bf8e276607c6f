import { baseMime } from "./http-util";

/** Meta refuses attachments above this (Messenger: 25 MB). */
export const ATTACHMENT_FETCH_MAX_BYTES = 25 << 20;

/**
 * Fetches a file by URL, as Meta does for a Messenger attachment's `payload.url` or a WhatsApp
 * media `link` (our signed attachment links). No redirects to elsewhere, bounded size and time.
 */
export async function fetchAttachment(
  url: string,
  timeoutMs = 10_000,
): Promise<{ bytes: Buffer; mimeType: string } | { error: string }> {
  if (!/^https?:\/\//i.test(url)) return { error: "not an http(s) URL" };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    if (!response.ok) return { error: `HTTP ${response.status}` };
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > ATTACHMENT_FETCH_MAX_BYTES) return { error: "file too large" };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > ATTACHMENT_FETCH_MAX_BYTES) return { error: "file too large" };
    if (bytes.length === 0) return { error: "empty file" };
    const contentType = response.headers.get("content-type") ?? "";
    return { bytes, mimeType: baseMime(contentType) ? contentType : "application/octet-stream" };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
