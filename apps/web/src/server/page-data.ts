import { notFound, redirect } from "next/navigation";
import type { THandlerResult } from "./handlers/result";

/**
 * A page loader's result as a page uses it: the data, or the page-level answer for a refusal
 * (sign-in, the forbidden page, or the not-found page; never a hint that an id exists).
 */
export function pageData<T>(result: THandlerResult<T>): T {
  if (result.ok) return result.data;
  if (result.status === 401) redirect("/sign-in");
  if (result.status === 403) redirect("/forbidden");
  notFound();
}
