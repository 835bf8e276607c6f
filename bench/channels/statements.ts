import pg from "pg";

/**
 * Statements sent to PostgreSQL, counted by wrapping pg's Client.query in this process only
 * (Prisma's driver adapter uses the same pg): every one is a round trip, BEGIN and COMMIT included.
 */
let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

export const statementCount = () => statements;
