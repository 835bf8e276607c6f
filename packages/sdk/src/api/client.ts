import type { TApiConversation, TApiMessage, TApiSendMessage } from "@forecourt/protocol/api";
import { apiRequest, paginate, type TClientOptions, type TRequestOptions } from "./http";

type TPage<T> = { data: T[]; nextCursor: string | null };
type TCallOptions = Pick<TRequestOptions, "signal">;
type TWriteOptions = Pick<TRequestOptions, "signal" | "idempotencyKey">;

export type TListConversationsQuery = {
  status?: "open" | "unassigned" | "snoozed" | "closed";
  dealerId?: string;
  departmentId?: string;
  channelType?: TApiConversation["channelType"];
  limit?: number;
  cursor?: string;
};

/**
 * The typed client of /api/v1 (docs/api.md). Types come from the server's own zod schemas
 * (@forecourt/protocol/api); errors are ForecourtApiError with the stable codes of docs/errors.md.
 */
export function createClient(options: TClientOptions) {
  const call = <T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, request?: TRequestOptions) =>
    apiRequest<T>(options, method, path, request);
  const id = encodeURIComponent;

  const conversations = {
    list: (query: TListConversationsQuery = {}, o: TCallOptions = {}) =>
      call<TPage<TApiConversation>>("GET", "/conversations", { query, ...o }),
    /** Every conversation matching the query, across pages. */
    iterate: (query: Omit<TListConversationsQuery, "cursor"> = {}, o: TCallOptions = {}) =>
      paginate((cursor) => conversations.list({ ...query, cursor }, o)),
  };

  const messages = {
    list: (conversationId: string, query: { limit?: number; cursor?: string } = {}, o: TCallOptions = {}) =>
      call<TPage<TApiMessage>>("GET", `/conversations/${id(conversationId)}/messages`, { query, ...o }),
    iterate: (conversationId: string, query: { limit?: number } = {}, o: TCallOptions = {}) =>
      paginate((cursor) => messages.list(conversationId, { ...query, cursor }, o)),
    /** As the bot, or as a teammate (asUserId). A clientId makes resends safe across processes. */
    send: (conversationId: string, body: TApiSendMessage, o: TWriteOptions = {}) =>
      call<{ message: TApiMessage; duplicate: boolean }>("POST", `/conversations/${id(conversationId)}/messages`, {
        body,
        ...o,
      }),
  };

  return { conversations, messages, request: call };
}

export type TForecourtClient = ReturnType<typeof createClient>;
