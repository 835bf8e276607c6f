import { queryObject, readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleCreateLabel, handleListLabels } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** The labels the agent may use: ?dealerId= for one dealer's (and the shared ones). */
export async function GET(request: Request) {
  return respond(handleListLabels(await getCurrentSession(), queryObject(request), routeMeta(request)));
}

/** A new label { dealerId, name, color } (the label picker's "Create"). */
export async function POST(request: Request) {
  return respond(async () => {
    // Same-origin and body checks first: a cross-site request is refused before the session is read.
    const body = await readDashboardJson(request);
    return handleCreateLabel(await getCurrentSession(), body, routeMeta(request));
  });
}
