import { getConfig } from "@forecourt/config";
import { createPrismaClient, type TDb } from "@forecourt/db";

let owner: TDb | undefined;

/**
 * A client connected as the database owner: bypasses row-level security, for arranging test
 * data and checking what really is in the tables. Never used by application code.
 */
export function ownerDb(): TDb {
  owner ??= createPrismaClient(getConfig().DATABASE_URL);
  return owner;
}
