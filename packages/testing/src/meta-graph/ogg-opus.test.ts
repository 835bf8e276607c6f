import { describe, expect, it } from "vitest";
import { chromeWebmOpus as chromeWebm, OGG_OPUS_VOICE, SILENT_OPUS_PACKET } from "./fixtures";
import { oggCrc, opusPacketSamples, readWebmOpus, webmOpusToOgg } from "./ogg-opus";

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
