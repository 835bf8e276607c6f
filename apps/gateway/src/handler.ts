import type { z } from "zod";
import type { TErrorCode } from "@forecourt/protocol";
import { ChatError, NotFoundError } from "@forecourt/core/chat/agent";
import { ForbiddenError } from "@forecourt/core/errors";

type TAckFn = (response: unknown) => void;

/** An ack for a refused request: `{ ok: false, error: { code, message } }`. */
export function refusal(code: TErrorCode, message: string) {
  return { ok: false as const, error: { code, message } };
}

/**
 * Wraps a socket event handler: parse the payload with its zod schema, run the use case, ack
 * the result; map known errors to protocol error codes; never crash the gateway.
 */
export function handle<S extends z.ZodType>(schema: S, fn: (input: z.output<S>) => Promise<unknown>) {
  return async (payload: unknown, ack?: TAckFn) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(refusal("invalid_payload", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
      return;
    }
    try {
      reply(await fn(parsed.data));
    } catch (error) {
      reply(toRefusal(error));
    }
  };
}

export function toRefusal(error: unknown) {
  if (error instanceof ChatError) return refusal(error.code, error.message);
  if (error instanceof NotFoundError) return refusal("not_found", "Conversation not found");
  if (error instanceof ForbiddenError) return refusal("forbidden", error.message);
  console.error("[gateway] handler failed", error);
  return refusal("unavailable", "The server could not handle this now; try again");
}
