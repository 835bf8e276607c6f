import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleDeletePushSubscription, handleSavePushSubscription } from "@/server/handlers/push";
import { getCurrentSession } from "@/server/session";

/** Saves this browser's push subscription (PushSubscription.toJSON()) for the signed-in user. */
export async function POST(request: Request) {
  return respond(async () => {
    // Same-origin and body checks first: a cross-site request is refused before the session is read.
    const body = await readDashboardJson(request);
    return handleSavePushSubscription(await getCurrentSession(), body, routeMeta(request));
  });
}

/** This browser stops receiving notifications: { endpoint }. */
export async function DELETE(request: Request) {
  return respond(async () => {
    const body = await readDashboardJson(request);
    return handleDeletePushSubscription(await getCurrentSession(), body, routeMeta(request));
  });
}
