// The services for one test run (Vitest or Playwright): PostgreSQL (embedded, or the server of
// TEST_DATABASE_URL), soketi and maildev, all on free ports so they run beside `npm run dev`.
import { createHash } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withDatabase } from "../../lib/db/connection";
import { assertDatabaseReachable } from "./database";
import { startLocalStack, type LocalStack, type StackPorts } from "./local-stack";
import { freePort } from "./ports";

export interface TestStack {
  stack: LocalStack;
  ports: StackPorts;
  /** The server's maintenance database; test databases are created beside it. */
  serverUrl: string;
}

/**
 * Test clusters live under the system temp directory (one per checkout), which the `postgres`
 * user can always reach, wherever the checkout itself is.
 */
function testDataDir(name: string): { dir: string; throwaway: boolean } {
  const checkout = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  const shared = path.join(tmpdir(), `roomful-${checkout}`, name);
  // Another run of the same suite holds the shared cluster: use a cluster of our own this time.
  if (existsSync(path.join(shared, "postgres", "postmaster.pid"))) {
    return { dir: `${shared}-${process.pid}`, throwaway: true };
  }
  return { dir: shared, throwaway: false };
}

/** `webhookUrl`: where soketi posts presence webhooks (the browser tests' app). */
export async function startTestStack(name: "test" | "e2e", options: { webhookUrl?: string } = {}): Promise<TestStack> {
  const { dir: dataDir, throwaway } = testDataDir(name);
  const external = process.env.TEST_DATABASE_URL;
  const ports: StackPorts = {
    postgres: await freePort(),
    soketi: await freePort(),
    soketiCluster: await freePort(),
    smtp: await freePort(),
    mailWeb: await freePort(),
  };
  // Only TEST_DATABASE_URL is honoured: the developer's own services stay untouched.
  const stack = await startLocalStack({
    env: external ? { DATABASE_URL: external } : {},
    dataDir,
    ports,
    databaseName: "postgres",
    fastPostgres: true,
    webhookUrl: options.webhookUrl,
  });
  const serverUrl = withDatabase(external ?? stack.env.DATABASE_URL ?? "", "postgres");
  try {
    await assertDatabaseReachable(serverUrl, external ? "TEST_DATABASE_URL" : "embedded test database");
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const stop = stack.stop;
  stack.stop = async () => {
    await stop();
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };
  return { stack, ports, serverUrl };
}
