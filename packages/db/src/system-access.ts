import { appDb } from "./client";
import type { TTx } from "./tenant";

export type TSystemAccess = {
  /** The background job acting, e.g. "lifecycle.daily"; stored in the audit log by the caller. */
  job: string;
};

/**
 * Every tenant's rows for a background job of the platform itself (no user acts), e.g. the
 * daily contract lifecycle run. Like `withProviderAccess`, RLS admits all tenants; unlike it,
 * there is no staff member to name, so the job writes its own audit events for every change it
 * makes (with `actorUserId` null and the job's name in `data.job`). Never use it in request
 * handlers: they act for a user and use `withTenant`, `withUser` or `withProviderAccess`.
 */
export function withSystemAccess<T>(access: TSystemAccess, fn: (tx: TTx) => Promise<T>): Promise<T> {
  if (!access.job.trim()) throw new Error("System access needs the job's name");
  return appDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.customer_id', '', true),
                                set_config('app.user_id', '', true),
                                set_config('app.provider_access', 'on', true)`;
    return fn(tx);
  });
}
