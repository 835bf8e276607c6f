export { getSessionContext, type TMembershipSummary, type TSessionContext } from "./accounts/get-session-context";
export { revokeSession } from "./accounts/revoke-session";
export {
  SESSION_LIFETIME_DAYS,
  ZSignInInput,
  signInWithPassword,
  type TSignInInput,
  type TSignInResult,
} from "./accounts/sign-in-with-password";
export { ZSwitchActiveTenant, switchActiveTenant } from "./accounts/switch-active-tenant";
export { ZLocale, updateUserLocale } from "./accounts/update-user-locale";
export { ForbiddenError } from "./errors";
export { countCustomers } from "./provider/count-customers";
