import { ZApiKeyId, ZCreateApiKey } from "@forecourt/core/api-keys/api-key-input";
import { createApiKey } from "@forecourt/core/api-keys/create-api-key";
import { listApiKeysForSettings } from "@forecourt/core/api-keys/list-api-keys-for-settings";
import { revokeApiKey } from "@forecourt/core/api-keys/revoke-api-key";
import { defineHandler } from "../define-handler";

/** Settings → API keys (settings.api_keys.manage); core keeps a dealer-scoped admin to their dealers' keys. */
export const loadApiKeysPage = defineHandler({ permission: "settings.api_keys.manage" }, ({ principal }) =>
  listApiKeysForSettings({ actor: principal }),
);

/** Answers the key itself once, with its view; only its hash is stored. */
export const handleCreateApiKey = defineHandler(
  { permission: "settings.api_keys.manage", input: ZCreateApiKey },
  ({ principal, input }) => createApiKey({ actor: principal, input }),
);

export const handleRevokeApiKey = defineHandler(
  { permission: "settings.api_keys.manage", input: ZApiKeyId },
  ({ principal, input }) => revokeApiKey({ actor: principal, input }),
);
