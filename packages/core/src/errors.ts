/** The actor may not do this (the permission matrix said no). Handlers map it to 403. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}
