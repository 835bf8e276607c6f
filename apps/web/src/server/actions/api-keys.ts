"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import { handleCreateApiKey, handleRevokeApiKey } from "@/server/handlers/api-keys";

// Settings → API keys. Scopes and dealers are checkbox groups (several values per name).
const PATHS = ["/settings/api-keys"];

export async function createApiKeyAction(_: TActionState, form: FormData) {
  return runAction(handleCreateApiKey, formObject(form, ["scopes", "dealerIds"]), PATHS);
}
export async function revokeApiKeyAction(_: TActionState, form: FormData) {
  return runAction(handleRevokeApiKey, formObject(form), PATHS);
}
