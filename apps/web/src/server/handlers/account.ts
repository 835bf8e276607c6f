import { z } from "zod";
import { switchActiveTenant, ZSwitchActiveTenant } from "@forecourt/core/accounts/switch-active-tenant";
import { updateUserLocale, ZLocale } from "@forecourt/core/accounts/update-user-locale";
import { defineHandler } from "../define-handler";

/** The signed-in user's own session and profile (settings.profile). */
const PROFILE = { permission: "settings.profile", scope: "user" } as const;

/** The workspace switcher: another of the user's own memberships becomes this session's active tenant. */
export const handleSwitchTenant = defineHandler({ ...PROFILE, input: ZSwitchActiveTenant }, ({ principal, input }) =>
  switchActiveTenant({ actor: principal, input }),
);

export const handleUpdateLocale = defineHandler(
  { ...PROFILE, input: z.object({ locale: ZLocale }) },
  ({ principal, input }) => updateUserLocale({ actor: principal, input }),
);
