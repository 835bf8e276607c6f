/** Drops and recreates the test database. Refuses anything but a local *_test database. */
import pg from "pg";
import { getConfig } from "@forecourt/config";
import { assertLocalTestDatabase } from "../assert-local-database";

assertLocalTestDatabase();
const config = getConfig();
const url = new URL(config.DATABASE_URL);
url.pathname = "/postgres";
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const name = client.escapeIdentifier(config.databaseName);
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${name}`);
await client.end();
console.log(`Recreated ${config.databaseName}.`);
