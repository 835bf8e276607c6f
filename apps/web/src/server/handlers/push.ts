import { deletePushSubscription } from "@forecourt/core/push/delete-push-subscription";
import { ZPushEndpoint, ZPushSubscription } from "@forecourt/core/push/push-input";
import { savePushSubscription } from "@forecourt/core/push/save-push-subscription";
import { defineHandler } from "../define-handler";

/** This browser's Web Push subscription: the signed-in user's own (docs/push.md). */
const OWN = { permission: "settings.profile", scope: "user" } as const;

export const handleSavePushSubscription = defineHandler({ ...OWN, input: ZPushSubscription }, ({ principal, input }) =>
  savePushSubscription({ actor: principal, input }),
);

export const handleDeletePushSubscription = defineHandler({ ...OWN, input: ZPushEndpoint }, ({ principal, input }) =>
  deletePushSubscription({ actor: principal, input }),
);
