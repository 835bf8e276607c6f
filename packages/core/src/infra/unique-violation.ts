/**
 * Whether a Prisma error is a unique-constraint violation (P2002, or the driver adapter's
 * UniqueConstraintViolation when the error comes through @prisma/adapter-pg): the database's
 * answer to a race that a read-before-write cannot close (idempotent sends, global route keys).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
