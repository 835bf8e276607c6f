import { opusPacketsToOgg } from "./ogg-opus";

/*
 * Small real files for tests and the stand-in's own checks: a 1×1 PNG, a tiny JPEG, a PDF and an
 * OGG/Opus voice note (silent 20 ms CELT frames).
 */

export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export const JPEG_TINY = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=",
  "base64",
);

export const PDF_TINY = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** One silent Opus packet: TOC 0xF8 (CELT, fullband, 20 ms, one frame) and a few zero bytes. */
export const SILENT_OPUS_PACKET = Buffer.from([0xf8, 0xff, 0xfe]);

/** A second of silence as an OGG/Opus file (what WhatsApp voice notes are). */
export const OGG_OPUS_VOICE = opusPacketsToOgg(Array.from({ length: 50 }, () => SILENT_OPUS_PACKET));

/** EBML: an element is its id, its size as a vint, then its data. */
function el(id: number, ...children: Buffer[]) {
  const data = Buffer.concat(children);
  const idBytes = Buffer.from(
    id.toString(16).padStart(id > 0xffffff ? 8 : id > 0xffff ? 6 : id > 0xff ? 4 : 2, "0"),
    "hex",
  );
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(data.length) | (1n << 56n));
  return Buffer.concat([idBytes, size, data]);
}
const unknownSize = (id: number, ...children: Buffer[]) =>
  Buffer.concat([
    Buffer.from(id.toString(16), "hex"),
    Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ...children,
  ]);
const uint = (n: number) => Buffer.from([n]);

/** A WebM as Chrome's MediaRecorder writes it: unknown-size Segment and Clusters, one Opus packet per SimpleBlock. */
export function chromeWebmOpus(packets: Buffer[] = Array.from({ length: 50 }, () => SILENT_OPUS_PACKET)) {
  const head = Buffer.concat([
    Buffer.from("OpusHead", "latin1"),
    Buffer.from([1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0]),
  ]);
  const track = el(
    0xae,
    el(0xd7, uint(1)),
    el(0x86, Buffer.from("A_OPUS")),
    el(0x63a2, head),
    el(0xe1, el(0x9f, uint(1))),
  );
  const blocks = packets.map((p, i) => el(0xa3, Buffer.from([0x81, 0, i, 0x80]), p));
  return Buffer.concat([
    el(0x1a45dfa3, el(0x4282, Buffer.from("webm"))),
    unknownSize(
      0x18538067,
      el(0x1549a966, el(0x2ad7b1, Buffer.from([0x0f, 0x42, 0x40]))),
      el(0x1654ae6b, track),
      unknownSize(0x1f43b675, el(0xe7, uint(0)), ...blocks),
    ),
  ]);
}
