import type { z } from "zod";
import type { TAction } from "@forecourt/auth";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from "@forecourt/core/errors";
import {
  asTenantPrincipal,
  principalFromSession,
  refusalFor,
  type TTenantPrincipal,
  type TUserPrincipal,
  type TVisitorPrincipal,
} from "@forecourt/core/principal";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import type { TApiInbox } from "@forecourt/core/api-channel/find-api-inbox";
import { resolveApiContact } from "@forecourt/core/api-channel/resolve-api-contact";
import { assertNoNul } from "./http/no-nul";
import { run, type THandler, type THandlerMeta } from "./handlers/result";

/*
 * The one door for every route handler and server action of the web app:
 *   1. resolves the principal from the session (one place: principalFromSession),
 *   2. asks the permission matrix (read-only tenants, two-factor sessions for provider rights),
 *   3. refuses NUL characters anywhere in the input, then parses it with core's own zod schema,
 *   4. runs the use case and maps core's error vocabulary to a result (docs/errors.md).
 * Routes answer the result over HTTP (chat-http.ts `respond`), actions return it to the form
 * (action-helpers.ts `runAction`), and the isolation suite calls handlers exactly so.
 */

type TScope = "tenant" | "user";
type TPrincipalOf<S extends TScope> = S extends "tenant" ? TTenantPrincipal : TUserPrincipal;

export type THandlerSpec<I extends z.ZodType, S extends TScope> = {
  /** The action(s) the matrix must allow; with several, any one suffices (tenant admin or provider staff). */
  permission: TAction | readonly TAction[];
  /** "tenant" (default): the principal must be working in a tenant. "user": any signed-in principal. */
  scope?: S;
  /** Core's schema for the input; omitted: the handler takes no input. */
  input?: I;
};

export type THandlerContext<I extends z.ZodType, S extends TScope> = {
  principal: TPrincipalOf<S>;
  input: z.output<I>;
  session: TSessionContext;
  meta: THandlerMeta;
};

const NO_META: THandlerMeta = { ip: null, userAgent: null };

/** Asks the matrix for any of `actions`; refuses with the most telling reason (two-factor, read-only) otherwise. */
export function assertAnyPermission(principal: TUserPrincipal, actions: readonly TAction[]): void {
  const reasons = actions.map((action) => refusalFor(principal, action));
  if (reasons.includes(null)) return;
  const reason = reasons.find((r) => r !== "forbidden") ?? "forbidden";
  throw new ForbiddenError(
    reason,
    reason === "two_factor_required"
      ? "Sign in again with your authenticator code to use provider rights."
      : reason === "read_only"
        ? "This workspace is read-only after the end of the contract."
        : "You are not allowed to do this.",
  );
}

/** Parses untrusted input with core's schema; NUL characters are refused before anything else sees them. */
export function parseInput<I extends z.ZodType>(schema: I | undefined, raw: unknown): z.output<I> {
  assertNoNul(raw);
  if (!schema) return undefined as z.output<I>;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  return parsed.data;
}

export function defineHandler<R, I extends z.ZodType = z.ZodUndefined, S extends TScope = "tenant">(
  spec: THandlerSpec<I, S>,
  fn: (context: THandlerContext<I, S>) => Promise<R> | R,
): THandler<R> {
  const actions = typeof spec.permission === "string" ? [spec.permission] : spec.permission;
  return (session, raw, meta = NO_META) =>
    run(async () => {
      if (!session) throw new UnauthenticatedError();
      const user = principalFromSession(session, meta.ip);
      assertAnyPermission(user, actions);
      const principal = (spec.scope === "user" ? user : asTenantPrincipal(user)) as TPrincipalOf<S>;
      const input = parseInput(spec.input, raw);
      return fn({ principal, input, session, meta });
    });
}

/** For public entry points (invitation, password reset): no principal, the token in the input is the authority. */
export function definePublicHandler<R, I extends z.ZodType>(
  spec: { input: I },
  fn: (context: { input: z.output<I>; meta: THandlerMeta }) => Promise<R> | R,
): (raw: unknown, meta?: THandlerMeta) => ReturnType<THandler<R>> {
  return (raw, meta = NO_META) => run(async () => fn({ input: parseInput(spec.input, raw), meta }));
}

/**
 * For the website chat: the visitor token (`Authorization: Bearer …`) is the authority; the
 * visitor principal is resolved from it in one place (core's resolveVisitorSession).
 */
export function defineVisitorHandler<R, I extends z.ZodType = z.ZodUndefined>(
  spec: { input?: I },
  fn: (context: { visitor: TVisitorPrincipal; input: z.output<I>; meta: THandlerMeta }) => Promise<R> | R,
): (token: string | null, raw: unknown, meta?: THandlerMeta) => ReturnType<THandler<R>> {
  return (token, raw, meta = NO_META) =>
    run(async () => {
      const visitor = token ? await resolveVisitorSession({ token, ip: meta.ip }) : null;
      if (!visitor) throw new UnauthenticatedError("This chat has ended or the link is invalid. Start a new chat.");
      return fn({ visitor, input: parseInput(spec.input, raw), meta });
    });
}

/** The visitor token of a widget request (`Authorization: Bearer <token>`), or null. */
export function visitorTokenOf(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  return header.startsWith("Bearer ") ? header.slice(7).trim() || null : null;
}

/**
 * For the API channel's Client API (OEM apps): the contact token (`Authorization: Bearer …`)
 * on the inbox it was issued for is the authority. It resolves to the same visitor principal
 * as the widget's token (core's resolveApiContact wraps resolveVisitorSession), so every use
 * case below is the widget's.
 */
export function defineApiContactHandler<R, I extends z.ZodType = z.ZodUndefined>(
  spec: { input?: I },
  fn: (context: {
    visitor: TVisitorPrincipal;
    inbox: TApiInbox;
    input: z.output<I>;
    meta: THandlerMeta;
  }) => Promise<R> | R,
): (inboxIdentifier: string, token: string | null, raw: unknown, meta?: THandlerMeta) => ReturnType<THandler<R>> {
  return (inboxIdentifier, token, raw, meta = NO_META) =>
    run(async () => {
      const resolved = token ? await resolveApiContact({ inboxIdentifier, token, ip: meta.ip }) : null;
      if (!resolved) throw new UnauthenticatedError("The contact token is missing, invalid, or not for this inbox.");
      return fn({ ...resolved, input: parseInput(spec.input, raw), meta });
    });
}
