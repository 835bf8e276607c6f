import type { TAction } from "@forecourt/auth";
import { agentFromSession, type TAgent } from "@forecourt/core/chat/agent";
import { jsonError } from "./chat-http";
import { getCurrentSession, sessionCan } from "./session";

/** For inbox route handlers: the acting agent, or the 401/403 response to return. */
export async function agentFor(action: TAction): Promise<{ agent: TAgent } | { response: Response }> {
  const session = await getCurrentSession();
  if (!session) return { response: jsonError(401, "unauthorized", "Sign in again") };
  const agent = agentFromSession(session);
  if (!agent || !sessionCan(session, action)) return { response: jsonError(403, "forbidden", "Not allowed") };
  return { agent };
}
