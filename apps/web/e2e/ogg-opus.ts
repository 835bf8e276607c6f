import { opusPacketsToOgg } from "@forecourt/testing/meta-graph";

/**
 * A real Ogg Opus file (what WhatsApp voice notes are: audio/ogg; codecs=opus) of `seconds` of
 * silence, so the e2e needs no audio tools or binary fixtures. The stand-in's Ogg writer
 * (RFC 3533 pages, RFC 7845 OpusHead/OpusTags) packs 20 ms silent CELT frames: TOC 0xF8
 * (fullband, 20 ms, mono, one frame), then 0xFF 0xFE (a silent frame).
 */
export function silentOggOpus(seconds = 2): Uint8Array {
  const frames = Math.round(seconds * 50);
  return opusPacketsToOgg(Array.from({ length: frames }, () => Uint8Array.from([0xf8, 0xff, 0xfe])));
}
