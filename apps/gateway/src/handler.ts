import type { z } from "zod";
import type { TErrorCode } from "@forecourt/protocol";
import { ackRefusal, asAppError } from "@forecourt/core/errors";

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
      reply(toRefusal(parsed.error));
      return;
    }
    try {
      reply(await fn(parsed.data));
    } catch (error) {
      reply(toRefusal(error));
    }
  };
}

/** Core's error vocabulary as an ack (the same codes as HTTP, docs/errors.md); a bug is "unavailable". */
export function toRefusal(error: unknown) {
  const known = asAppError(error);
  if (known) return ackRefusal(known);
  console.error("[gateway] handler failed", error);
  return refusal("unavailable", "The server could not handle this now; try again");
}
