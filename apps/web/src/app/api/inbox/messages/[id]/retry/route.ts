import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleRetryDelivery } from "@/server/handlers/inbox-channels";
import { getCurrentSession } from "@/server/session";

/** Retry a failed channel delivery (the inbox's "Retry" on a "Not delivered" message). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return respond(async () => {
    // Same-origin and body checks first: a cross-site request is refused before the session is read.
    await readDashboardJson(request);
    return handleRetryDelivery(await getCurrentSession(), { id }, routeMeta(request));
  });
}
