/* The Telegram Bot API stand-in's own records (what tests look at). */

export type TBotInput = {
  /** "<id>:<secret part>", as @BotFather issues it; the id is the part before the colon. */
  token: string;
  username?: string;
  firstName?: string;
  /** Demo mode: the dealer this bot belongs to (the simulator's dealer picker). */
  label?: string;
};

export type TWebhookSettings = { url: string; secretToken: string | null; allowedUpdates: string[] | null };

export type TBot = {
  id: string;
  token: string;
  username: string;
  firstName: string;
  label: string;
  webhook: TWebhookSettings | null;
};

/** A customer as the stand-in knows them: a Telegram user with a private chat per bot. */
export type TTelegramUser = { id: number; firstName: string; lastName?: string; username?: string };

export type TStoredFile = {
  fileId: string;
  fileUniqueId: string;
  botId: string;
  bytes: Buffer;
  mimeType: string;
  fileName: string | null;
  /** Relative path served at /file/bot<token>/<path> (what getFile answers). */
  filePath: string;
};

export type TSentMessage = {
  botId: string;
  chatId: number;
  messageId: number;
  method: string;
  text: string | null;
  caption: string | null;
  file: { fileId: string; mimeType: string; fileName: string | null; size: number } | null;
  at: string;
};

export type TFailure =
  | { kind: "server_error"; status?: number }
  /** 429 with parameters.retry_after (seconds). */
  | { kind: "rate_limit"; retryAfter: number }
  /** 403 "Forbidden: bot was blocked by the user". */
  | { kind: "blocked" }
  | { kind: "bad_request"; description?: string }
  /** Answer after `ms` (past a caller's time-out). */
  | { kind: "hang"; ms: number }
  /** Close the connection without an answer. */
  | { kind: "drop" };

/** Which calls a failure applies to: sends (send*), getFile, the file download, or any method. */
export type TFailScope = "send" | "getFile" | "file" | "setWebhook" | "any";

export type TWebhookDelivery = {
  id: number;
  botId: string;
  updateId: number;
  url: string;
  raw: string;
  /** The X-Telegram-Bot-Api-Secret-Token header sent (null: none). */
  secretToken: string | null;
  status: number | null;
  response: string;
  error: string | null;
  at: string;
};
