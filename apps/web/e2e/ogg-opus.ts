/**
 * A real Ogg Opus file (what WhatsApp voice notes are: audio/ogg; codecs=opus) of `seconds` of
 * silence, built here so the e2e needs no audio tools or binary fixtures: Ogg pages (RFC 3533)
 * carrying OpusHead, OpusTags and 20 ms silent CELT frames (RFC 7845).
 */

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR. */
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  return crc;
}

function page(packets: Uint8Array[], options: { granule: bigint; sequence: number; flags: number }): Uint8Array {
  const lacing: number[] = [];
  for (const p of packets) {
    let left = p.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const body = Buffer.concat(packets);
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "ascii");
  header[4] = 0; // version
  header[5] = options.flags; // 0x02 first page, 0x04 last page
  header.writeBigInt64LE(options.granule, 6);
  header.writeUInt32LE(0x466f7263, 14); // stream serial number
  header.writeUInt32LE(options.sequence, 18);
  header.writeUInt32LE(0, 22); // CRC, computed over the page with this field zero
  header[26] = lacing.length;
  Buffer.from(lacing).copy(header, 27);
  const out = Buffer.concat([header, body]);
  out.writeUInt32LE(crc32(out), 22);
  return out;
}

export function silentOggOpus(seconds = 2): Uint8Array {
  const preSkip = 312;
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "ascii");
  head[8] = 1; // version
  head[9] = 1; // mono
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12); // original sample rate
  head.writeInt16LE(0, 16); // output gain
  head[18] = 0; // channel mapping family
  const vendor = Buffer.from("forecourt-e2e", "ascii");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "ascii");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length); // no user comments
  // TOC 0xF8: CELT fullband 20 ms, mono, one frame; 0xFF 0xFE: a silent frame.
  const frames = Math.round(seconds * 50);
  const silence = Array.from({ length: frames }, () => Uint8Array.from([0xf8, 0xff, 0xfe]));
  const pages = [
    page([head], { granule: 0n, sequence: 0, flags: 0x02 }),
    page([tags], { granule: 0n, sequence: 1, flags: 0 }),
  ];
  // At most 255 packets per page (one lacing value each).
  for (let i = 0, seq = 2; i < frames; i += 200, seq++) {
    const chunk = silence.slice(i, i + 200);
    const last = i + 200 >= frames;
    // Samples decoded so far, pre-skip included (RFC 7845 §4): the duration is granule − pre-skip.
    const granule = BigInt((i + chunk.length) * 960);
    pages.push(page(chunk, { granule, sequence: seq, flags: last ? 0x04 : 0 }));
  }
  return Buffer.concat(pages);
}
