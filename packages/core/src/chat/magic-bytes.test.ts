import { describe, expect, it } from "vitest";
import { checkFile, safeFileName, sniffType } from "./magic-bytes";

const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");

describe("attachment checks", () => {
  it("recognises PDFs and images by their first bytes", () => {
    expect(sniffType(pdf)).toBe("application/pdf");
    expect(sniffType(png)).toBe("image/png");
    expect(sniffType(html)).toBeNull();
  });

  it("accepts a file whose declared type matches its bytes", () => {
    expect(checkFile({ bytes: pdf, declaredType: "application/pdf", fileName: "offer.pdf" })).toEqual({
      ok: true,
      mimeType: "application/pdf",
      fileName: "offer.pdf",
    });
  });

  it("refuses HTML declared as PDF, a PDF declared as PNG, and empty or oversized files", () => {
    expect(checkFile({ bytes: html, declaredType: "application/pdf", fileName: "x.pdf" })).toMatchObject({ ok: false });
    expect(checkFile({ bytes: pdf, declaredType: "image/png", fileName: "x.png" })).toEqual({
      ok: false,
      reason: "type_mismatch",
    });
    expect(checkFile({ bytes: new Uint8Array(), declaredType: "image/png", fileName: "x" })).toMatchObject({
      reason: "empty",
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    expect(checkFile({ bytes: big, declaredType: "application/pdf", fileName: "x.pdf" })).toMatchObject({
      reason: "too_large",
    });
  });

  it("strips paths and odd characters from file names", () => {
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName('a"b<c>.pdf', "application/pdf")).toBe("a_b_c_.pdf");
  });
});

describe("audio and video for channels", () => {
  const ogg = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0]);
  const mp4 = new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]);
  it("accepts a voice note declared with codec parameters", () => {
    const check = checkFile({ bytes: ogg, declaredType: "audio/ogg; codecs=opus", fileName: "voice" });
    expect(check).toEqual({ ok: true, mimeType: "audio/ogg", fileName: "voice.ogg" });
  });
  it("lets an MP4 container be audio or video, but not a picture", () => {
    expect(checkFile({ bytes: mp4, declaredType: "audio/x-m4a", fileName: "a.m4a" }).ok).toBe(true);
    expect(checkFile({ bytes: mp4, declaredType: "video/mp4", fileName: "a.mp4" }).ok).toBe(true);
    expect(checkFile({ bytes: mp4, declaredType: "image/png", fileName: "a.png" })).toEqual({
      ok: false,
      reason: "type_mismatch",
    });
  });
  it("refuses an Ogg file declared as a PDF", () => {
    expect(checkFile({ bytes: ogg, declaredType: "application/pdf", fileName: "x.pdf" })).toEqual({
      ok: false,
      reason: "type_mismatch",
    });
  });
});
