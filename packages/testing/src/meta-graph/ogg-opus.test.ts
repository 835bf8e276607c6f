import { describe, expect, it } from "vitest";
import { OGG_OPUS_VOICE, SILENT_OPUS_PACKET } from "./fixtures";
import { oggCrc, opusPacketSamples, readWebmOpus, webmOpusToOgg } from "./ogg-opus";

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
function chromeWebm(packets: Buffer[]) {
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

/** The pages of an Ogg file, each checked against its CRC. */
function pages(ogg: Buffer) {
  const out: { flags: number; granule: bigint; packets: number; crcOk: boolean }[] = [];
  let pos = 0;
  while (pos < ogg.length) {
    expect(ogg.subarray(pos, pos + 4).toString("latin1")).toBe("OggS");
    const segments = ogg[pos + 26]!;
    const lacing = [...ogg.subarray(pos + 27, pos + 27 + segments)];
    const length = 27 + segments + lacing.reduce((a, b) => a + b, 0);
    const page = Buffer.from(ogg.subarray(pos, pos + length));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    out.push({
      flags: page[5]!,
      granule: page.readBigInt64LE(6),
      packets: lacing.filter((l) => l < 255).length,
      crcOk: oggCrc(page) === crc,
    });
    pos += length;
  }
  return out;
}

describe("WebM/Opus → Ogg/Opus (browser voice notes as WhatsApp's)", () => {
  it("reads Chrome-style WebM and writes valid Ogg pages with the same packets", () => {
    const packets = Array.from({ length: 60 }, () => SILENT_OPUS_PACKET);
    const webm = chromeWebm(packets);
    const read = readWebmOpus(webm)!;
    expect(read.packets).toHaveLength(60);
    expect(Buffer.from(read.head!).subarray(0, 8).toString("latin1")).toBe("OpusHead");
    const ogg = webmOpusToOgg(webm)!;
    const p = pages(ogg);
    expect(p.every((x) => x.crcOk)).toBe(true);
    expect(p[0]!.flags).toBe(0x02); // beginning of stream: OpusHead
    expect(p.at(-1)!.flags).toBe(0x04); // end of stream
    expect(p.slice(2).reduce((n, x) => n + x.packets, 0)).toBe(60);
    expect(p.at(-1)!.granule).toBe(60n * 960n); // 20 ms at 48 kHz each
    expect(ogg.includes(Buffer.from("OpusTags"))).toBe(true);
  });

  it("gives null for what is not WebM with Opus", () => {
    expect(webmOpusToOgg(Buffer.from("not a webm file"))).toBeNull();
    expect(webmOpusToOgg(OGG_OPUS_VOICE)).toBeNull();
  });

  it("counts Opus samples from the TOC byte (RFC 6716)", () => {
    expect(opusPacketSamples(Buffer.from([0xf8]))).toBe(960); // CELT 20 ms
    expect(opusPacketSamples(Buffer.from([0x19]))).toBe(5760); // SILK 60 ms (config 3), two frames (code 1)
    expect(opusPacketSamples(Buffer.from([0xfb, 0x03]))).toBe(2880); // code 3, three frames
  });

  it("computes Ogg's CRC: CRC-32/POSIX without the final xor (check value of 123456789: ~0x765e7680)", () => {
    expect(oggCrc(Buffer.from("123456789", "latin1"))).toBe(~0x765e7680 >>> 0);
  });
});
