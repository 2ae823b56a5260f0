// Prepared statements straight on the pool, for the few queries every live message runs (the send statement, the
// rate limit, the session check). Even $queryRaw costs about a millisecond of CPU in Prisma's client per call (the
// request pipeline, the query interpreter, argument and result conversion); here a call is pg's own, and PostgreSQL
// plans each statement once per connection. Profile: tests/bench/profile-summary.ts.
import "server-only";
import type pg from "pg";
import { dbPool } from "./client";

/** A named statement: PostgreSQL parses and plans it once per connection, then reuses the plan. */
export interface Statement {
  name: string;
  text: string;
}

export function statement(name: string, text: string): Statement {
  return { name, text };
}

/**
 * Runs a prepared statement with positional values ($1, $2…); the rows as pg returns them. On the pool, or on
 * `client` inside a transaction (inTransaction).
 */
export async function run<Row extends pg.QueryResultRow>(
  { name, text }: Statement,
  values: unknown[],
  client: Pick<pg.Pool, "query"> = dbPool(),
): Promise<Row[]> {
  const result = await client.query<Row>({ name, text, values });
  return result.rows;
}

/** `work` in one transaction on one of the pool's connections: committed when it resolves, rolled back if it throws. */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
