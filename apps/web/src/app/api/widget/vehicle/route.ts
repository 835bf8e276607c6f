import { readJson, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleSetVehicle } from "@/server/handlers/widget-api";

/** `Forecourt('setVehicle', …)` during a chat: the conversation's vehicle of interest. */
export async function POST(request: Request) {
  return respond(async () => handleSetVehicle(visitorTokenOf(request), await readJson(request), routeMeta(request)));
}
