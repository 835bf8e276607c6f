import { describe, expect, it } from "vitest";
import type { TMessageEvent } from "@forecourt/protocol";
import { attachmentView, mapUrl, reactionsOf, telHref } from "./message-content";

function message(seq: number, content: TMessageEvent["content"] = null): TMessageEvent {
  return {
    conversationId: "00000000-0000-4000-8000-000000000000",
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    seq,
    clientId: `c-${seq}`,
    authorType: "CONTACT",
    author: null,
    kind: "TEXT",
    body: "",
    attachments: [],
    content,
    delivery: null,
    createdAt: "2026-03-01T12:00:00.000Z",
  };
}

describe("message content helpers", () => {
  it("links a location to OpenStreetMap with a marker", () => {
    expect(mapUrl(52.3676, 4.9041)).toBe(
      "https://www.openstreetmap.org/?mlat=52.3676&mlon=4.9041#map=16/52.3676/4.9041",
    );
    expect(mapUrl(-33.5, 151)).toBe("https://www.openstreetmap.org/?mlat=-33.5&mlon=151#map=16/-33.5/151");
  });

  it("shows images inline, plays audio and video, and offers the rest as downloads", () => {
    expect(attachmentView("image/jpeg")).toBe("image");
    expect(attachmentView("audio/ogg; codecs=opus")).toBe("audio");
    for (const type of ["audio/webm", "audio/mpeg", "audio/mp4"]) expect(attachmentView(type)).toBe("audio");
    expect(attachmentView("video/mp4")).toBe("video");
    expect(attachmentView("application/pdf")).toBe("file");
    expect(attachmentView("image/svg+xml")).toBe("file");
  });

  it("makes tel: links from phone numbers as people write them", () => {
    expect(telHref("+31 6 1234 5678")).toBe("tel:+31612345678");
    expect(telHref("(020) 555-0100")).toBe("tel:0205550100");
    expect(telHref("call me")).toBeNull();
  });

  it("puts reactions on loaded messages (the latest wins, an empty one removes) and leaves the rest as lines", () => {
    const target = message(1);
    const reaction = (seq: number, emoji: string, to: string | null) =>
      message(seq, { type: "reaction", emoji, toExternalId: "wamid.x", toMessageId: to });
    const first = reaction(2, "👍", target.id);
    const second = reaction(3, "❤️", target.id);
    const elsewhere = reaction(4, "😂", "00000000-0000-4000-8000-999999999999");
    const r = reactionsOf([target, second, first, elsewhere]);
    expect(r.byTarget.get(target.id)).toEqual(["❤️"]);
    expect([...r.placed].sort()).toEqual([first.id, second.id].sort());
    const removed = reactionsOf([target, first, reaction(5, "", target.id)]);
    expect(removed.byTarget.has(target.id)).toBe(false);
  });
});
