// Test databases: each test file gets its own copy of the migrated template, so files run in
// parallel without seeing each other's rows.
import { randomBytes } from "node:crypto";
import { withDatabase } from "@/lib/db/connection";
import { quoteIdent, withClient } from "@/scripts/stack/database";

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

/** Creates a database (empty, or a copy of `template`) on `serverUrl`'s server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`),
  );
  return withDatabase(serverUrl, name);
}

export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
  });
}
