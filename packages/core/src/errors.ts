/** The actor may not do this (the permission matrix said no). Handlers map it to 403. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** No such object for this actor (absent, or in another tenant: we never say which). Maps to 404. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** The request is well-formed but breaks a rule (e.g. a weak password). Maps to 400/422 with `code`. */
export class RuleError extends Error {
  override name = "RuleError";
  constructor(
    public readonly code: string,
    message = code,
  ) {
    super(message);
  }
}
