export { appDb, createPrismaClient, type TDb } from "./client";
export { withSystemAccess, type TSystemAccess } from "./system-access";
export { deleteTenantAuditLog } from "./delete-tenant-audit-log";
export { TenantContextError, withProviderAccess, withTenant, withUser, type TProviderAccess, type TTx } from "./tenant";
export * from "./generated/prisma/enums";
export { Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
