/**
 * The id the scheduled jobs act as when they need provider-wide access (listing tenants to
 * purge). It names no user; audit rows written with it read as "the system".
 */
export const SYSTEM_ACTOR_ID = "00000000-0000-0000-0000-000000000000";
