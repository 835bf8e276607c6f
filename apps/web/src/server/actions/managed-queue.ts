"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import { handleSendManagedReply } from "@/server/handlers/managed-queue";

// Provider console → Managed queue: a managed agent's reply (the handler asks the matrix; core the tier).
export async function sendManagedReplyAction(_: TActionState, form: FormData) {
  return runAction(handleSendManagedReply, formObject(form), ["/provider/managed-queue"]);
}
