import { z } from "zod";
import type { TAction } from "@forecourt/auth";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { agentFromSession, ChatError, NotFoundError, type TAgent } from "@forecourt/core/chat/agent";
import { ForbiddenError } from "@forecourt/core/errors";
import { HttpRefusal } from "../http/refusal";
import { sessionCan } from "../principal";
import type { THandlerFailure, THandlerResult } from "./result";

/** A refusal with the `{ error: message, code }` body the inbox and the widget show as it is. */
export function refuse(
  status: THandlerFailure["status"],
  code: string,
  message: string,
  headers?: Record<string, string>,
): THandlerFailure {
  return headers ? { ok: false, status, error: code, message, headers } : { ok: false, status, error: code, message };
}

/**
 * Runs a chat use case and maps what core throws to a refusal (the mapping the chat routes
 * always had). Anything else is rethrown: the route logs it and answers 500.
 */
export async function chatRun<T>(fn: () => Promise<T>): Promise<THandlerResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (error instanceof HttpRefusal) return refuse(error.status, error.code, error.message);
    if (error instanceof z.ZodError) {
      return refuse(400, "invalid_payload", error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    }
    if (error instanceof ChatError) {
      return refuse(
        error.code === "rate_limited" ? 429 : error.code === "forbidden" ? 403 : 400,
        error.code,
        error.message,
      );
    }
    if (error instanceof NotFoundError) return refuse(404, "not_found", "Not found");
    if (error instanceof ForbiddenError) return refuse(403, "forbidden", error.message);
    throw error;
  }
}

/** The acting agent in the session's active tenant when the matrix allows `action`, else 401/403. */
export function agentGate(session: TSessionContext | null, action: TAction): { agent: TAgent } | THandlerFailure {
  if (!session) return refuse(401, "unauthorized", "Sign in again");
  const agent = agentFromSession(session);
  if (!agent || !sessionCan(session, action)) return refuse(403, "forbidden", "Not allowed");
  return { agent };
}
