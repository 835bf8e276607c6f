"use server";

import { runAction } from "@/server/action-helpers";
import { handleRotateWidgetIdentitySecret } from "@/server/handlers/widget-api";

/** Settings → Channels → a website chat: generate or rotate its identity-verification secret. */
export async function rotateWidgetIdentitySecretAction(input: unknown) {
  return runAction(handleRotateWidgetIdentitySecret, input, ["/settings/channels"]);
}
