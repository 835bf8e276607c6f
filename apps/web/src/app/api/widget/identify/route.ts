import { readJson, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleWidgetIdentify } from "@/server/handlers/widget-api";

/** `Forecourt('identify', …)` from the widget iframe: verifies the HMAC and, in a chat, links the contact. */
export async function POST(request: Request) {
  return respond(async () =>
    handleWidgetIdentify(request, await readJson(request), routeMeta(request), visitorTokenOf(request)),
  );
}
