// A fresh, migrated database on the test stack's PostgreSQL, for every benchmark: alone
// (BENCH_SEARCH_ONLY=1 in bench:search) or under the app (./app.ts, ./fanout-stack.ts). Stopping
// drops it and stops the stack.
import { withDatabase } from "../../../lib/db/connection";
import { applyMigrations, ensureDatabase, quoteIdent, withClient } from "../../../scripts/stack/database";
import { startTestStack, type TestStack } from "../../../scripts/stack/test-stack";

export interface BenchDatabase {
  databaseUrl: string;
  /** The services around it; `stack.env` is what an app started on them needs. */
  services: TestStack;
  stop(): Promise<void>;
}

export async function startBenchDatabase(options: { controlSoketi?: boolean } = {}): Promise<BenchDatabase> {
  const services = await startTestStack("e2e", options);
  const databaseName = `roomful_bench_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(services.serverUrl, databaseName);
  const stop = async () => {
    await withClient(services.serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`),
    ).catch((error: unknown) => console.error(error));
    await services.stack.stop();
  };
  try {
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
    return { databaseUrl, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
