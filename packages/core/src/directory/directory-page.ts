import { z } from "zod";

/**
 * Paging of the directory lists (dealers, departments, users, channels): a handful to a few
 * hundred rows per tenant, ordered by id so the keyset is one unique column (tie-free).
 */
export const ZDirectoryPage = z.object({
  /** The id of the last row of the previous page. */
  afterId: z.uuid().optional(),
  take: z.number().int().min(1).max(101).default(50),
});
export type TDirectoryPage = z.input<typeof ZDirectoryPage>;

export function pageWhere(page: z.output<typeof ZDirectoryPage>) {
  return page.afterId ? { id: { gt: page.afterId } } : {};
}
