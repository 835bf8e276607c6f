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
