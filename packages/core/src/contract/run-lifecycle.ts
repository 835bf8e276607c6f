import { z } from "zod";
import { assertIsoDate, isIsoDate } from "@forecourt/contract";
import { withSystemAccess } from "@forecourt/db";
import { applyCustomerLifecycle, type TLifecycleChange } from "./apply-customer-lifecycle";

export const LIFECYCLE_JOB = "lifecycle.daily";

export const ZRunLifecycle = z.object({
  day: z.string().refine(isIsoDate, "Expected a calendar date YYYY-MM-DD"),
  /** Only these customers (tests, a manual re-run for one customer); default: every customer. */
  customerIds: z.array(z.uuid()).optional(),
});
export type TRunLifecycle = z.input<typeof ZRunLifecycle>;

export type TRunLifecycleResult = {
  day: string;
  customers: number;
  changed: number;
  changes: (TLifecycleChange & { customerId: string })[];
  failed: { customerId: string; error: string }[];
};

const PAGE = 200;

/**
 * The daily contract lifecycle run for `day` (the caller passes the day; nothing here reads
 * the clock). Every customer that is not deleted is brought to where its contract stands on
 * that day, each in its own transaction: a crash mid-run leaves every customer either done or
 * untouched, and the next run (same day or later) finishes the rest. Parents are processed
 * before the dealers under them (ordered by hierarchy depth), although each customer's state
 * is computed from the subscriptions alone, so the order never changes the outcome.
 */
export async function runLifecycle(input: TRunLifecycle): Promise<TRunLifecycleResult> {
  const { day, customerIds } = ZRunLifecycle.parse(input);
  assertIsoDate(day);
  const result: TRunLifecycleResult = { day, customers: 0, changed: 0, changes: [], failed: [] };
  let cursor: { parentId: string | null; id: string } | null = null;
  const ids: { id: string; parentId: string | null }[] = [];
  // 1. The ids to visit (one short read; no tenant rows are changed here).
  for (;;) {
    const page: { id: string; parentId: string | null }[] = await withSystemAccess({ job: LIFECYCLE_JOB }, (tx) =>
      tx.customer.findMany({
        where: { status: { not: "DELETED" }, ...(customerIds ? { id: { in: customerIds } } : {}) },
        select: { id: true, parentId: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { skip: 1, cursor: { id: cursor.id } } : {}),
      }),
    );
    ids.push(...page);
    if (page.length < PAGE) break;
    cursor = page.at(-1) ?? null;
  }
  // Top-level customers first, then those under a parent.
  ids.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));

  // 2. One transaction per customer.
  for (const { id } of ids) {
    result.customers += 1;
    try {
      const changes = await withSystemAccess({ job: LIFECYCLE_JOB }, (tx) =>
        applyCustomerLifecycle(tx, { customerId: id, day, actor: { actorUserId: null, job: LIFECYCLE_JOB } }),
      );
      if (changes.length > 0) result.changed += 1;
      result.changes.push(...changes.map((c) => ({ ...c, customerId: id })));
    } catch (error) {
      // One customer's bad data must not stop the others; the job reports it and retries.
      result.failed.push({ customerId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
