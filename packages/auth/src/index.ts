export { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
export {
  ACTIONS,
  API_SCOPES,
  apiKeyRefusalOf,
  PERMISSION_MATRIX,
  PROVIDER_ROLES,
  ROLE_KEYS,
  TENANT_ROLES,
  permissionsMarkdown,
  type TRoleKey,
  can,
  type TAction,
  type TApiKeySubject,
  type TApiScope,
  PROVIDER_ACTIONS_WITHOUT_TWO_FACTOR,
  refusalOf,
  type TPermissionSubject,
  type TRefusalReason,
  type TProviderRole,
  type TTenantRole,
} from "./permissions";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type TPasswordProblem } from "./password-policy";
export { openSecret, sealSecret } from "./secret-box";
