export { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
export {
  ACTIONS,
  PERMISSION_MATRIX,
  PROVIDER_ROLES,
  TENANT_ROLES,
  can,
  type TAction,
  type TPrincipal,
  type TProviderRole,
  type TTenantRole,
} from "./permissions";
