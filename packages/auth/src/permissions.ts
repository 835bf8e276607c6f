/**
 * The permission matrix: the one place that answers "may this principal do that". Every page,
 * route handler, server action and socket event asks `can()`. docs/permissions.md is generated
 * from this table (`pnpm docs:permissions`) and a test fails when it is out of date.
 */

export const TENANT_ROLES = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"] as const;
export const PROVIDER_ROLES = ["SUPPORT", "MANAGED_AGENT"] as const;
export type TTenantRole = (typeof TENANT_ROLES)[number];
export type TProviderRole = (typeof PROVIDER_ROLES)[number];
export type TRoleKey = TTenantRole | `PROVIDER_${TProviderRole}`;
export const ROLE_KEYS: readonly TRoleKey[] = [...TENANT_ROLES, "PROVIDER_SUPPORT", "PROVIDER_MANAGED_AGENT"];

const OWNER_ADMIN: TRoleKey[] = ["OWNER", "ADMIN"];
const STAFF: TRoleKey[] = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"];
const SUPERVISORS: TRoleKey[] = ["OWNER", "ADMIN", "SUPERVISOR"];
const SUPPORT: TRoleKey[] = ["PROVIDER_SUPPORT"];
const MANAGED: TRoleKey[] = ["PROVIDER_MANAGED_AGENT"];

/**
 * Scopes of public API keys (docs/api.md). A key holds scopes, not roles: the matrix row of an
 * action names the one scope that grants it to a key (`api`); rows without one are never open
 * to keys (settings, provider rights, exports, erasure).
 */
export const API_SCOPES = [
  "conversations:read",
  "conversations:write",
  "messages:write",
  "contacts:read",
  "contacts:write",
  "leads:read",
  "directory:read",
  "reports:read",
  "webhooks:manage",
] as const;
export type TApiScope = (typeof API_SCOPES)[number];

type TRule = {
  roles: readonly TRoleKey[];
  /** The API-key scope that grants this action; absent: keys may never do it. */
  api?: TApiScope;
  /** Changes state; refused while the tenant is read-only after termination (L 5.2). */
  writes: boolean;
  description: string;
};

/** Managed agents act only for Plus customers; core checks the tier when they do. */
export const PERMISSION_MATRIX = {
  "inbox.view": {
    roles: [...STAFF, ...MANAGED],
    api: "conversations:read",
    writes: false,
    description: "See conversations in the inbox",
  },
  "conversations.reply": {
    roles: [...STAFF, ...MANAGED],
    api: "messages:write",
    writes: true,
    description: "Send replies and attachments",
  },
  "conversations.note": {
    roles: [...STAFF, ...MANAGED],
    api: "messages:write",
    writes: true,
    description: "Write private notes",
  },
  "conversations.assign": {
    roles: [...STAFF, ...MANAGED],
    api: "conversations:write",
    writes: true,
    description: "Assign or transfer",
  },
  "conversations.manage": {
    roles: [...STAFF, ...MANAGED],
    api: "conversations:write",
    writes: true,
    description: "Close, reopen, snooze",
  },
  "contacts.view": {
    roles: [...STAFF, ...MANAGED],
    api: "contacts:read",
    writes: false,
    description: "See contacts and vehicles",
  },
  "contacts.edit": {
    roles: [...STAFF, ...MANAGED],
    api: "contacts:write",
    writes: true,
    description: "Edit contacts and vehicles",
  },
  "contacts.export": { roles: OWNER_ADMIN, writes: false, description: "Export a contact's data (access request)" },
  "contacts.erase": { roles: OWNER_ADMIN, writes: true, description: "Erase a contact (erasure request)" },
  "canned_replies.manage": { roles: SUPERVISORS, writes: true, description: "Manage canned replies" },
  "reports.view": { roles: STAFF, api: "reports:read", writes: false, description: "See reports" },
  "leads.view": {
    roles: [...STAFF, ...MANAGED],
    api: "leads:read",
    writes: false,
    description: "See leads and form results",
  },
  "directory.view": {
    roles: [...STAFF, ...MANAGED],
    api: "directory:read",
    writes: false,
    description: "See dealers, departments, teammates and channels",
  },
  "settings.profile": {
    roles: [...STAFF, ...SUPPORT, ...MANAGED],
    writes: false,
    description: "Own profile, language, two-factor",
  },
  "settings.users.manage": {
    roles: OWNER_ADMIN,
    writes: true,
    description: "Invite, scope, deactivate, archive users; sessions",
  },
  "settings.channels.manage": { roles: OWNER_ADMIN, writes: true, description: "Channels and widget settings" },
  "settings.api_keys.manage": { roles: OWNER_ADMIN, writes: true, description: "Create and revoke API keys" },
  "settings.integrations.manage": {
    roles: OWNER_ADMIN,
    api: "webhooks:manage",
    writes: true,
    description: "Webhook endpoints and their delivery log",
  },
  "settings.departments.manage": {
    roles: OWNER_ADMIN,
    writes: true,
    description: "Dealers' departments, business hours",
  },
  "settings.routing.manage": {
    roles: OWNER_ADMIN,
    writes: true,
    description: "Routing rules, business hours, holidays, away messages",
  },
  "settings.lead_forms.manage": {
    roles: OWNER_ADMIN,
    writes: true,
    description: "Lead forms, CRM export targets and the lead delivery log",
  },
  "settings.data_protection.manage": {
    roles: OWNER_ADMIN,
    writes: true,
    description: "Retention period and processing instructions",
  },
  "settings.subscription.view": {
    roles: OWNER_ADMIN,
    writes: false,
    description: "See the subscription and its dates",
  },
  "settings.subscription.notice": { roles: ["OWNER"], writes: true, description: "File a dissolution notice" },
  "audit.view": { roles: [...OWNER_ADMIN, ...SUPPORT], writes: false, description: "Read and export the audit log" },
  "deletion_certificates.view": {
    roles: [...OWNER_ADMIN, ...SUPPORT],
    writes: false,
    description: "See deletion certificates",
  },
  "data.export": { roles: OWNER_ADMIN, writes: false, description: "Export the customer's data" },
  "misuse.report": { roles: STAFF, writes: false, description: "Report suspected misuse of an account" },
  "provider.console": { roles: SUPPORT, writes: false, description: "Open the provider console" },
  "provider.customers.manage": {
    roles: SUPPORT,
    writes: true,
    description: "Create and edit customers, dealers, tiers",
  },
  "provider.users.manage": {
    roles: SUPPORT,
    writes: true,
    description: "Invite admins; suspend or replace any account",
  },
  "provider.subscriptions.manage": { roles: SUPPORT, writes: true, description: "Order forms, notices, fee changes" },
  "provider.queues.view": { roles: SUPPORT, writes: false, description: "Watch queues and deletions" },
  "provider.managed_queue.view": {
    roles: [...SUPPORT, ...MANAGED],
    writes: false,
    description: "See the Plus customers' managed-agent queue",
  },
  "provider.managed_queue.reply": {
    roles: MANAGED,
    writes: true,
    description: "Answer a Plus customer's conversation from the managed-agent queue",
  },
} as const satisfies Record<string, TRule>;

export type TAction = keyof typeof PERMISSION_MATRIX;
export const ACTIONS = Object.keys(PERMISSION_MATRIX) as TAction[];

/**
 * What the matrix needs to know of whoever acts (core's `TPrincipal` is reduced to this): their
 * role in the tenant acted on (if any), their provider role (if any), whether this *session*
 * passed two-factor, and whether that tenant is read-only.
 */
export type TPermissionSubject = {
  tenantRole?: TTenantRole | null;
  providerRole?: TProviderRole | null;
  /** The tenant is terminated and in its read-only period: no writes. */
  tenantReadOnly?: boolean;
  /** This session was opened (or confirmed) with a second factor. */
  twoFactorPassed?: boolean;
};

/** The only action provider staff may take before their session passed two-factor: enrolling. */
export const PROVIDER_ACTIONS_WITHOUT_TWO_FACTOR: readonly TAction[] = ["settings.profile"];

export type TRefusalReason = "forbidden" | "read_only" | "two_factor_required";

/** An API key as the matrix sees it: its scopes and whether its tenant is read-only. */
export type TApiKeySubject = { scopes: readonly string[]; tenantReadOnly?: boolean };

/** Why a key may not do `action`, or null: the row must name a scope the key holds. */
export function apiKeyRefusalOf(subject: TApiKeySubject, action: TAction): TRefusalReason | null {
  const rule: TRule = PERMISSION_MATRIX[action];
  if (!rule.api || !subject.scopes.includes(rule.api)) return "forbidden";
  if (subject.tenantReadOnly && rule.writes) return "read_only";
  return null;
}

/** Why `subject` may not do `action`, or null when it may (the matrix's one decision). */
export function refusalOf(subject: TPermissionSubject, action: TAction): TRefusalReason | null {
  const rule: TRule = PERMISSION_MATRIX[action];
  const byTenantRole = !!subject.tenantRole && rule.roles.includes(subject.tenantRole);
  const byProviderRole = !!subject.providerRole && rule.roles.includes(`PROVIDER_${subject.providerRole}`);
  if (!byTenantRole && !byProviderRole) return "forbidden";
  if (subject.tenantReadOnly && rule.writes) return "read_only";
  // Provider rights reach every tenant: they need a session that passed two-factor.
  if (!byTenantRole && !subject.twoFactorPassed && !PROVIDER_ACTIONS_WITHOUT_TWO_FACTOR.includes(action)) {
    return "two_factor_required";
  }
  return null;
}

export function can(subject: TPermissionSubject, action: TAction): boolean {
  return refusalOf(subject, action) === null;
}

/** The matrix as a Markdown table (docs/permissions.md). */
export function permissionsMarkdown(): string {
  const header = ["action", "writes", ...ROLE_KEYS.map((r) => r.toLowerCase()), "API key scope", "what"];
  const rows = ACTIONS.map((action) => {
    const rule: TRule = PERMISSION_MATRIX[action];
    return [
      `\`${action}\``,
      rule.writes ? "yes" : "",
      ...ROLE_KEYS.map((role) => (rule.roles.includes(role) ? "✓" : "")),
      rule.api ? `\`${rule.api}\`` : "",
      rule.description,
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    "# Permissions",
    "",
    "Generated from `packages/auth/src/permissions.ts` by `pnpm docs:permissions`; a unit test fails",
    'when this file and the code disagree. "writes" actions are refused while a terminated',
    "customer is in its read-only period. Provider managed agents act only for Plus customers.",
    '"API key scope": the scope that grants the action to a public API key (docs/api.md); an empty',
    "cell means no key may do it.",
    "",
    line(header),
    line(header.map(() => "---")),
    ...rows.map(line),
    "",
  ].join("\n");
}
