/*
 * WhatsApp voice notes are OGG files with the Opus codec ("audio/ogg; codecs=opus"). Browsers
 * other than Firefox record Opus in WebM (MediaRecorder), so the simulator repackages the same
 * Opus packets into OGG pages (no re-encoding): a customer's recorded voice note then reaches us
 * exactly as it would from a phone. Returns null for anything it does not understand.
 */

const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  codecDelay: 0x56aa,
  audio: 0xe1,
  channels: 0x9f,
} as const;

/** Master elements whose children we read in place (everything else is skipped by size). */
const DESCEND = new Set<number>([ID.segment, ID.cluster, ID.blockGroup, ID.tracks, ID.trackEntry, ID.audio]);

function readVint(
  buf: Uint8Array,
  pos: number,
  keepMarker: boolean,
): { value: number; length: number; unknown: boolean } | null {
  const first = buf[pos];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (!(first & (0x80 >> (length - 1)))) length += 1;
  if (length > 8 || pos + length > buf.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = buf[pos + i]!;
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(buf: Uint8Array, start: number, size: number) {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + buf[start + i]!;
  return value;
}

/** The Opus packets of the first Opus track, with its OpusHead (CodecPrivate) when present. */
export function readWebmOpus(
  bytes: Uint8Array,
): { packets: Uint8Array[]; head: Uint8Array | null; channels: number; codecDelayNs: number } | null {
  const packets: Uint8Array[] = [];
  let head: Uint8Array | null = null;
  let channels = 1;
  let codecDelayNs = 0;
  let opusTrack: number | null = null;
  let currentTrack: number | null = null;
  let currentCodec = "";
  let pos = 0;
  if (readUint(bytes, 0, 4) !== 0x1a45dfa3) return null;
  while (pos < bytes.length) {
    const id = readVint(bytes, pos, true);
    if (!id) break;
    const size = readVint(bytes, pos + id.length, false);
    if (!size) break;
    const start = pos + id.length + size.length;
    if (DESCEND.has(id.value)) {
      if (id.value === ID.trackEntry) {
        currentTrack = null;
        currentCodec = "";
      }
      pos = start;
      continue;
    }
    if (size.unknown) return null;
    const end = start + size.value;
    if (end > bytes.length) break; // a recording cut short: keep what is whole
    switch (id.value) {
      case ID.trackNumber:
        currentTrack = readUint(bytes, start, size.value);
        if (currentCodec === "A_OPUS" && opusTrack === null) opusTrack = currentTrack;
        break;
      case ID.codecId:
        currentCodec = Buffer.from(bytes.subarray(start, end)).toString("latin1");
        if (currentCodec === "A_OPUS" && currentTrack !== null && opusTrack === null) opusTrack = currentTrack;
        break;
      case ID.codecPrivate:
        if (Buffer.from(bytes.subarray(start, start + 8)).toString("latin1") === "OpusHead")
          head = bytes.slice(start, end);
        break;
      case ID.codecDelay:
        codecDelayNs = readUint(bytes, start, size.value);
        break;
      case ID.channels:
        channels = readUint(bytes, start, size.value) || 1;
        break;
      case ID.simpleBlock:
      case ID.block: {
        const track = readVint(bytes, start, false);
        if (!track) return null;
        const flags = bytes[start + track.length + 2]!;
        const lacing = (flags >> 1) & 0x03;
        if (lacing !== 0) return null; // browsers write one Opus packet per block
        if (opusTrack === null || track.value === opusTrack) packets.push(bytes.slice(start + track.length + 3, end));
        break;
      }
    }
    pos = end;
  }
  return packets.length > 0 ? { packets, head, channels, codecDelayNs } : null;
}

/** Samples (at 48 kHz) in one Opus packet, from its TOC byte (RFC 6716 §3.1). */
export function opusPacketSamples(packet: Uint8Array): number {
  const toc = packet[0];
  if (toc === undefined) return 0;
  const config = toc >> 3;
  const frame =
    config < 12
      ? [480, 960, 1920, 2880][config % 4]!
      : config < 16
        ? [480, 960][config % 2]!
        : [120, 240, 480, 960][config % 4]!;
  const code = toc & 0x03;
  const frames = code === 0 ? 1 : code === 3 ? (packet[1] ?? 0) & 0x3f : 2;
  return frame * frames;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, no final xor). */
export function oggCrc(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc >>> 0;
}

function oggPage(packets: Uint8Array[], options: { serial: number; sequence: number; granule: bigint; flags: number }) {
  const lacing: number[] = [];
  for (const p of packets) {
    let left = p.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "latin1");
  header[4] = 0;
  header[5] = options.flags;
  header.writeBigInt64LE(options.granule, 6);
  header.writeUInt32LE(options.serial, 14);
  header.writeUInt32LE(options.sequence, 18);
  header[26] = lacing.length;
  Buffer.from(lacing).copy(header, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

function opusHead(channels: number, preSkip: number) {
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "latin1");
  head[8] = 1;
  head[9] = channels;
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  head.writeInt16LE(0, 16);
  head[18] = 0;
  return head;
}

function opusTags(vendor: string) {
  const v = Buffer.from(vendor, "utf8");
  const tags = Buffer.alloc(8 + 4 + v.length + 4);
  tags.write("OpusTags", 0, "latin1");
  tags.writeUInt32LE(v.length, 8);
  v.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + v.length);
  return tags;
}

/** Opus packets into an Ogg Opus file (RFC 7845): head page, tags page, audio pages of about a second. */
export function opusPacketsToOgg(
  packets: Uint8Array[],
  options: { head?: Uint8Array | null; channels?: number; preSkip?: number; serial?: number } = {},
): Buffer {
  const serial = options.serial ?? 0x46434f54; // "FCOT"
  const pages: Buffer[] = [];
  let sequence = 0;
  const head = options.head ?? opusHead(options.channels ?? 1, options.preSkip ?? 312);
  pages.push(oggPage([head], { serial, sequence: sequence++, granule: 0n, flags: 0x02 }));
  pages.push(
    oggPage([opusTags("Forecourt channel simulator")], { serial, sequence: sequence++, granule: 0n, flags: 0 }),
  );
  let granule = 0n;
  let batch: Uint8Array[] = [];
  let segments = 0;
  let samples = 0;
  const flush = (last: boolean) => {
    if (batch.length === 0) return;
    pages.push(oggPage(batch, { serial, sequence: sequence++, granule, flags: last ? 0x04 : 0 }));
    batch = [];
    segments = 0;
    samples = 0;
  };
  packets.forEach((packet, i) => {
    const needed = Math.floor(packet.length / 255) + 1;
    if (segments + needed > 255 || samples >= 48_000) flush(false);
    batch.push(packet);
    segments += needed;
    const n = opusPacketSamples(packet);
    samples += n;
    granule += BigInt(n);
    if (i === packets.length - 1) flush(true);
  });
  return Buffer.concat(pages);
}

/** A WebM/Opus recording as an Ogg/Opus voice note, or null when it is not WebM with Opus. */
export function webmOpusToOgg(bytes: Uint8Array): Buffer | null {
  const webm = readWebmOpus(bytes);
  if (!webm) return null;
  const preSkip = webm.codecDelayNs ? Math.round((webm.codecDelayNs * 48_000) / 1e9) : 312;
  return opusPacketsToOgg(webm.packets, { head: webm.head, channels: webm.channels, preSkip });
}
