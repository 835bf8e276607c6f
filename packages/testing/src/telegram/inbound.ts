import type { TTelegramContext } from "./context";
import type { TBot, TTelegramUser } from "./types";
import type { TPostResult } from "./webhooks";

/* Customers writing to a bot: builds the Update Telegram would send and posts it to the webhook. */

export type TTelegramInboundSpec =
  | { type: "text"; text: string }
  | { type: "photo"; bytes: Uint8Array; caption?: string }
  | { type: "voice"; bytes: Uint8Array; mimeType?: string; duration?: number }
  | { type: "audio"; bytes: Uint8Array; mimeType?: string; fileName?: string; title?: string }
  | { type: "document"; bytes: Uint8Array; mimeType: string; fileName: string; caption?: string }
  | { type: "location"; latitude: number; longitude: number }
  | { type: "contact"; phoneNumber: string; firstName: string; lastName?: string; userId?: number }
  /** Edits an earlier message of this user (its message id) to `text`. */
  | { type: "edit"; messageId: number; text: string }
  /** Anything: posted as `message` as given (chat and from are filled in). */
  | { type: "raw"; message: Record<string, unknown> };

export type TTelegramInbound = {
  botId: string;
  user: TTelegramUser;
  message: TTelegramInboundSpec;
  /** Send this header value instead of the bot's secret (null: no header), to test refusals. */
  secretToken?: string | null;
};

export type TTelegramInboundResult = TPostResult & { updateId: number; messageId: number; fileId: string | null };

const userJson = (u: TTelegramUser) => ({
  id: u.id,
  is_bot: false,
  first_name: u.firstName,
  ...(u.lastName ? { last_name: u.lastName } : {}),
  ...(u.username ? { username: u.username } : {}),
  language_code: "nl",
});

const chatJson = (u: TTelegramUser) => ({
  id: u.id,
  type: "private",
  first_name: u.firstName,
  ...(u.lastName ? { last_name: u.lastName } : {}),
  ...(u.username ? { username: u.username } : {}),
});

export function botOf(ctx: TTelegramContext, botId: string): TBot {
  const bot = ctx.state.bots.get(botId);
  if (!bot) throw new Error(`telegram stand-in: no bot ${botId}`);
  return bot;
}

export async function postInbound(ctx: TTelegramContext, input: TTelegramInbound): Promise<TTelegramInboundResult> {
  const bot = botOf(ctx, input.botId);
  const { state } = ctx;
  state.users.set(input.user.id, input.user);
  state.chats.add(`${bot.id}:${input.user.id}`);
  const date = Math.floor(ctx.now() / 1000);
  const spec = input.message;
  const updateId = state.nextUpdateId(bot.id);
  let fileId: string | null = null;
  const file = (bytes: Uint8Array, mimeType: string, fileName: string | null, folder: string) => {
    const stored = state.storeFile(bot.id, Buffer.from(bytes), mimeType, fileName, folder);
    fileId = stored.fileId;
    return { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, file_size: stored.bytes.length };
  };

  if (spec.type === "edit") {
    const update = {
      update_id: updateId,
      edited_message: {
        message_id: spec.messageId,
        from: userJson(input.user),
        chat: chatJson(input.user),
        date: date - 60,
        edit_date: date,
        text: spec.text,
      },
    };
    const posted = await post(ctx, bot, updateId, update, "edited_message", input);
    return { ...posted, updateId, messageId: spec.messageId, fileId };
  }

  const messageId = state.nextMessageId(bot.id, input.user.id);
  let body: Record<string, unknown>;
  switch (spec.type) {
    case "text":
      body = { text: spec.text };
      break;
    case "photo": {
      // Telegram sends every size it made, smallest first; the stand-in makes a "thumbnail" too.
      const big = file(spec.bytes, "image/jpeg", null, "photos");
      const thumb = state.storeFile(bot.id, Buffer.from(spec.bytes), "image/jpeg", null, "photos");
      body = {
        photo: [
          {
            file_id: thumb.fileId,
            file_unique_id: thumb.fileUniqueId,
            file_size: thumb.bytes.length,
            width: 90,
            height: 67,
          },
          { ...big, width: 1280, height: 960 },
        ],
        ...(spec.caption ? { caption: spec.caption } : {}),
      };
      break;
    }
    case "voice":
      body = {
        voice: {
          ...file(spec.bytes, spec.mimeType ?? "audio/ogg", null, "voice"),
          duration: spec.duration ?? 3,
          mime_type: spec.mimeType ?? "audio/ogg",
        },
      };
      break;
    case "audio":
      body = {
        audio: {
          ...file(spec.bytes, spec.mimeType ?? "audio/mpeg", spec.fileName ?? null, "music"),
          duration: 30,
          mime_type: spec.mimeType ?? "audio/mpeg",
          ...(spec.fileName ? { file_name: spec.fileName } : {}),
          ...(spec.title ? { title: spec.title } : {}),
        },
      };
      break;
    case "document":
      body = {
        document: {
          ...file(spec.bytes, spec.mimeType, spec.fileName, "documents"),
          mime_type: spec.mimeType,
          file_name: spec.fileName,
        },
        ...(spec.caption ? { caption: spec.caption } : {}),
      };
      break;
    case "location":
      body = { location: { latitude: spec.latitude, longitude: spec.longitude } };
      break;
    case "contact":
      body = {
        contact: {
          phone_number: spec.phoneNumber,
          first_name: spec.firstName,
          ...(spec.lastName ? { last_name: spec.lastName } : {}),
          ...(spec.userId ? { user_id: spec.userId } : {}),
        },
      };
      break;
    case "raw":
      body = spec.message;
      break;
  }
  const update = {
    update_id: updateId,
    message: { message_id: messageId, from: userJson(input.user), chat: chatJson(input.user), date, ...body },
  };
  const posted = await post(ctx, bot, updateId, update, "message", input);
  return { ...posted, updateId, messageId, fileId };
}

/** The customer blocks the bot (or starts it again): Telegram tells the bot with my_chat_member. */
export async function postMembership(
  ctx: TTelegramContext,
  input: { botId: string; user: TTelegramUser; blocked: boolean },
): Promise<TPostResult & { updateId: number }> {
  const bot = botOf(ctx, input.botId);
  ctx.state.users.set(input.user.id, input.user);
  const key = `${bot.id}:${input.user.id}`;
  if (input.blocked) ctx.state.blocked.add(key);
  else {
    ctx.state.blocked.delete(key);
    ctx.state.chats.add(key);
  }
  const updateId = ctx.state.nextUpdateId(bot.id);
  const botUser = { id: Number(bot.id), is_bot: true, first_name: bot.firstName, username: bot.username };
  const update = {
    update_id: updateId,
    my_chat_member: {
      chat: chatJson(input.user),
      from: userJson(input.user),
      date: Math.floor(ctx.now() / 1000),
      old_chat_member: { user: botUser, status: input.blocked ? "member" : "kicked" },
      new_chat_member: {
        user: botUser,
        status: input.blocked ? "kicked" : "member",
        ...(input.blocked ? { until_date: 0 } : {}),
      },
    },
  };
  return { ...(await post(ctx, bot, updateId, update, "my_chat_member", {})), updateId };
}

async function post(
  ctx: TTelegramContext,
  bot: TBot,
  updateId: number,
  update: unknown,
  kind: string,
  input: { secretToken?: string | null },
): Promise<TPostResult> {
  // Telegram sends only the update types the bot asked for (allowed_updates).
  const allowed = bot.webhook?.allowedUpdates;
  if (allowed && allowed.length > 0 && !allowed.includes(kind))
    throw new Error(`telegram stand-in: bot ${bot.id} did not ask for ${kind} updates (allowed_updates)`);
  return ctx.poster.post(
    bot,
    updateId,
    update,
    "secretToken" in input ? { secretToken: input.secretToken } : undefined,
  );
}
