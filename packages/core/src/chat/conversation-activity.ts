import type { TTx } from "@forecourt/db";

/** At most this many activity entries come with a conversation (the newest). */
const ACTIVITY_LIMIT = 200;

/**
 * One line of the conversation's timeline (ConversationActivity, written by record-event.ts):
 * what happened, who did it (a user's name; null for the platform, a rule or an API key) and
 * the names it refers to, resolved now inside the tenant. `data` keeps what was recorded.
 */
export type TActivityView = {
  id: string;
  action: string;
  actorType: "AGENT" | "MANAGED_AGENT" | "BOT" | "SYSTEM" | "CONTACT";
  actorName: string | null;
  /** assigned: the assignee's name (null: unassigned), when the assignee changed. */
  assigneeName?: string | null;
  /** assigned (a transfer): the department's name (null: none), when it changed. */
  departmentName?: string | null;
  /** routed: the name of the label a rule put on (labelled lines carry their own `data.name`). */
  labelName?: string | null;
  data: Record<string, unknown>;
  createdAt: string;
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The conversation's activity, oldest first, with names resolved. */
export async function conversationActivity(tx: TTx, conversationId: string): Promise<TActivityView[]> {
  const rows = (
    await tx.conversationActivity.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ACTIVITY_LIMIT,
    })
  ).reverse();
  const userIds = new Set<string>();
  const departmentIds = new Set<string>();
  const labelIds = new Set<string>();
  for (const r of rows) {
    if (r.actorUserId) userIds.add(r.actorUserId);
    const d = record(r.data);
    if (typeof d.assigneeId === "string") userIds.add(d.assigneeId);
    if (typeof d.departmentId === "string") departmentIds.add(d.departmentId);
    if (typeof d.labelId === "string" && typeof d.name !== "string") labelIds.add(d.labelId);
  }
  // User is global (names only); departments are read inside the tenant's transaction.
  const [users, departments, labels] = await Promise.all([
    userIds.size ? tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
    departmentIds.size
      ? tx.department.findMany({ where: { id: { in: [...departmentIds] } }, select: { id: true, name: true } })
      : [],
    labelIds.size ? tx.label.findMany({ where: { id: { in: [...labelIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const labelName = new Map(labels.map((l) => [l.id, l.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  return rows.map((r) => {
    const data = record(r.data);
    const view: TActivityView = {
      id: r.id,
      action: r.action,
      actorType: r.actorType,
      actorName: r.actorUserId ? (userName.get(r.actorUserId) ?? null) : null,
      data,
      createdAt: r.createdAt.toISOString(),
    };
    if ("assigneeId" in data)
      view.assigneeName = typeof data.assigneeId === "string" ? (userName.get(data.assigneeId) ?? null) : null;
    if ("departmentId" in data)
      view.departmentName =
        typeof data.departmentId === "string" ? (departmentName.get(data.departmentId) ?? null) : null;
    if (typeof data.labelId === "string" && typeof data.name !== "string")
      view.labelName = labelName.get(data.labelId) ?? null;
    return view;
  });
}
