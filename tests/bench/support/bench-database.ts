// A fresh, migrated database on the test stack's PostgreSQL, for benchmarks that do not need the
// app running (BENCH_SEARCH_ONLY=1 in bench:search). Stopping drops it and stops the stack.
import { withDatabase } from "../../../lib/db/connection";
import { applyMigrations, ensureDatabase, quoteIdent, withClient } from "../../../scripts/stack/database";
import { startTestStack } from "../../../scripts/stack/test-stack";

export interface BenchDatabase {
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const { stack, serverUrl } = await startTestStack("e2e");
  const databaseName = `roomful_bench_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(serverUrl, databaseName);
  const stop = async () => {
    await withClient(serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`),
    ).catch((error: unknown) => console.error(error));
    await stack.stop();
  };
  try {
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
    return { databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
