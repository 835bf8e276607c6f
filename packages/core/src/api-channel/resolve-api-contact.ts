import { resolveVisitorSession } from "../chat/resolve-visitor-session";
import type { TVisitorPrincipal } from "../principal";
import { findApiInbox, type TApiInbox } from "./find-api-inbox";

/**
 * The visitor principal of a contact token on the Client API of one inbox: the widget's own
 * resolution (resolveVisitorSession), plus the rule that the token's channel is this inbox. A
 * token of another channel (another API inbox, a widget, another tenant) resolves to nothing.
 */
export async function resolveApiContact(options: {
  inboxIdentifier: string;
  token: string;
  ip?: string | null;
}): Promise<{ visitor: TVisitorPrincipal; inbox: TApiInbox } | null> {
  const inbox = await findApiInbox(options.inboxIdentifier);
  if (!inbox) return null;
  const visitor = await resolveVisitorSession({ token: options.token, ip: options.ip });
  if (!visitor || visitor.channelId !== inbox.channelId || visitor.customerId !== inbox.customerId) return null;
  return { visitor, inbox };
}
