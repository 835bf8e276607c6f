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
