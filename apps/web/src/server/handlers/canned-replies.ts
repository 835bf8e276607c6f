import { deleteCannedReply, ZDeleteCannedReply } from "@forecourt/core/canned-replies/delete-canned-reply";
import { listCannedRepliesForSettings } from "@forecourt/core/canned-replies/list-canned-replies-for-settings";
import { saveCannedReply, ZSaveCannedReply } from "@forecourt/core/canned-replies/save-canned-reply";
import { defineHandler } from "../define-handler";

/** Settings → Canned replies (canned_replies.manage); core checks the dealer scope of each reply. */
export const loadCannedRepliesPage = defineHandler({ permission: "canned_replies.manage" }, ({ principal }) =>
  listCannedRepliesForSettings({ actor: principal }),
);

/** A form sends no dealer for "every dealer": that is null, not missing. */
export const handleSaveCannedReply = defineHandler(
  { permission: "canned_replies.manage", input: ZSaveCannedReply.partial({ dealerId: true }) },
  ({ principal, input }) =>
    saveCannedReply({ actor: principal, input: { ...input, dealerId: input.dealerId ?? null } }),
);

export const handleDeleteCannedReply = defineHandler(
  { permission: "canned_replies.manage", input: ZDeleteCannedReply },
  ({ principal, input }) => deleteCannedReply({ actor: principal, input }),
);
