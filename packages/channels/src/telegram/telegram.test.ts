import { describe, expect, it } from "vitest";
import { ZTelegramBotToken } from "./config";
import { telegramFailure } from "./client";
import { parseTelegramUpdate } from "./updates";

const from = { id: 42, is_bot: false, first_name: "Sanne" };
const chat = { id: 42, type: "private" };
const update = (message: object, key = "message") => ({
  update_id: 9,
  [key]: { message_id: 7, from, chat, date: 1_700_000_000, ...message },
});

describe("parseTelegramUpdate", () => {
  it("is null for a body that is not an Update", () => {
    expect(parseTelegramUpdate("1", { hello: 1 })).toBeNull();
    expect(parseTelegramUpdate("1", null)).toBeNull();
    expect(parseTelegramUpdate("1", { update_id: -1 })).toBeNull();
  });

  it("records private chats only, never other bots", () => {
    expect(
      parseTelegramUpdate("1", {
        update_id: 1,
        message: { message_id: 1, from, chat: { id: -100, type: "group" }, date: 1, text: "x" },
      })!.message,
    ).toBeNull();
    expect(parseTelegramUpdate("1", update({ text: "x", from: { ...from, is_bot: true } }))!.message).toBeNull();
    expect(parseTelegramUpdate("1", { update_id: 3, channel_post: {} })).toEqual({
      updateId: 3,
      message: null,
      membership: null,
    });
  });

  it("ids are bot:chat:message, so two dealers' bots never collide", () => {
    expect(parseTelegramUpdate("111", update({ text: "x" }))!.message!.externalId).toBe("111:42:7");
    expect(parseTelegramUpdate("222", update({ text: "x" }))!.message!.externalId).toBe("222:42:7");
  });

  it("an edit gets its own id (with the update id) and points at the original; live location moves are dropped", () => {
    const edit = parseTelegramUpdate(
      "1",
      update({ text: "nieuw", edit_date: 1_700_000_100 }, "edited_message"),
    )!.message!;
    expect(edit).toMatchObject({
      externalId: "1:42:7:edit:9",
      text: "nieuw",
      content: { type: "edit", toExternalId: "1:42:7", toMessageId: null },
      sentAt: new Date(1_700_000_100_000),
    });
    expect(
      parseTelegramUpdate("1", update({ location: { latitude: 1, longitude: 2, live_period: 60 } }, "edited_message"))!
        .message,
    ).toBeNull();
  });

  it("keeps the largest photo, whatever order the sizes come in", () => {
    const photo = [
      { file_id: "big", width: 1280, height: 960 },
      { file_id: "small", width: 90, height: 67 },
    ];
    expect(parseTelegramUpdate("1", update({ photo }))!.message!.media!.ref).toBe("big");
  });

  it("venues are locations with a name; animated stickers and unknown kinds are unsupported", () => {
    const venue = parseTelegramUpdate(
      "1",
      update({ venue: { location: { latitude: 52, longitude: 4 }, title: "Garage", address: "Dorpsstraat 1" } }),
    )!.message!;
    expect(venue.content).toEqual({
      type: "location",
      latitude: 52,
      longitude: 4,
      name: "Garage",
      address: "Dorpsstraat 1",
    });
    expect(
      parseTelegramUpdate("1", update({ sticker: { file_id: "s", is_animated: true } }))!.message!.content,
    ).toEqual({ type: "unsupported", originalType: "sticker" });
    expect(parseTelegramUpdate("1", update({ poll: { id: "p" } }))!.message!.content).toEqual({
      type: "unsupported",
      originalType: "poll",
    });
  });

  it("my_chat_member kicked / member is a block / unblock of the sender", () => {
    const member = (status: string) => ({
      update_id: 5,
      my_chat_member: {
        chat,
        from,
        date: 1_700_000_000,
        old_chat_member: { status: "member" },
        new_chat_member: { status },
      },
    });
    expect(parseTelegramUpdate("1", member("kicked"))!.membership).toEqual({
      identity: { kind: "tg_user", value: "42" },
      blocked: true,
      at: new Date(1_700_000_000_000),
    });
    expect(parseTelegramUpdate("1", member("member"))!.membership!.blocked).toBe(false);
    expect(parseTelegramUpdate("1", member("administrator"))!.membership).toBeNull();
  });
});

describe("telegramFailure", () => {
  it("sorts Telegram's answers into retryable and permanent", () => {
    expect(telegramFailure(429, "Too Many Requests: retry after 5")).toMatchObject({
      code: "rate_limited",
      retryable: true,
    });
    expect(telegramFailure(502, "Bad Gateway")).toMatchObject({ code: "service_error", retryable: true });
    expect(telegramFailure(403, "Forbidden: bot was blocked by the user")).toMatchObject({
      code: "recipient_blocked",
      retryable: false,
    });
    expect(telegramFailure(403, "Forbidden: user is deactivated")).toMatchObject({
      code: "recipient_unavailable",
      retryable: false,
    });
    expect(telegramFailure(401, "Unauthorized")).toMatchObject({ code: "token_invalid", retryable: false });
    expect(telegramFailure(400, "Bad Request: chat not found")).toMatchObject({
      code: "no_recipient",
      retryable: false,
    });
    expect(telegramFailure(400, "Bad Request: message is too long")).toMatchObject({
      code: "rejected",
      retryable: false,
    });
  });
});

describe("ZTelegramBotToken", () => {
  it("takes what @BotFather issues, nothing else", () => {
    expect(ZTelegramBotToken.safeParse(" 7100000001:AAH_abcdefghijklmnopqrstuvwxyz-0123 ").success).toBe(true);
    for (const bad of [
      "7100000001",
      "abc:AAH_abcdefghijklmnopqrstuvwxyz0123",
      "1:short",
      "1:AAH abcdefghijklmnopqrstuvwxyz0123",
    ])
      expect(ZTelegramBotToken.safeParse(bad).success).toBe(false);
  });
});
