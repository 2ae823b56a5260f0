// The services for one test run (Vitest or Playwright): PostgreSQL (embedded, or the server of
// TEST_DATABASE_URL), soketi and maildev, all on free ports so they run beside `npm run dev`.
import { createHash } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEV_DEFAULTS } from "../../lib/env";
import { withDatabase } from "../../lib/db/connection";
import type { ChildService } from "./child-service";
import { assertDatabaseReachable } from "./database";
import { startLocalStack, type LocalStack, type StackPorts } from "./local-stack";
import { freePort } from "./ports";
import { localSoketiEnv, startLocalSoketi, type LocalSoketiOptions } from "./soketi";

export interface TestStack {
  stack: LocalStack;
  ports: StackPorts;
  /** The server's maintenance database; test databases are created beside it. */
  serverUrl: string;
  /** Present with `controlSoketi`: stops and starts the realtime server on the same port. */
  soketi?: SoketiControl;
}

/** The test run's soketi, for specs about losing the realtime server for a while. */
export interface SoketiControl {
  running(): boolean;
  /** Stops it (connected clients see the connection drop). */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same app, limits and webhooks. */
  start(): Promise<void>;
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

/**
 * `webhookUrl`: where soketi posts presence webhooks (the browser tests' app). `controlSoketi`: start soketi here and
 * return it so tests can stop and restart it; the stack's env and stop() still cover it. `presenceLimit` (with
 * controlSoketi): members per presence channel.
 */
export async function startTestStack(
  name: "test" | "e2e",
  options: { webhookUrl?: string; controlSoketi?: boolean; presenceLimit?: number } = {},
): Promise<TestStack> {
  const { dir: dataDir, throwaway } = testDataDir(name);
  const external = process.env.TEST_DATABASE_URL;
  const ports: StackPorts = {
    postgres: await freePort(),
    soketi: await freePort(),
    soketiCluster: await freePort(),
    smtp: await freePort(),
    mailWeb: await freePort(),
  };
  // Only TEST_DATABASE_URL is honoured: the developer's own services stay untouched. With
  // controlSoketi the realtime credentials are given, so the local stack leaves soketi to us.
  const realtime = options.controlSoketi
    ? {
        PUSHER_APP_ID: DEV_DEFAULTS.PUSHER_APP_ID,
        PUSHER_KEY: DEV_DEFAULTS.PUSHER_KEY,
        PUSHER_SECRET: DEV_DEFAULTS.PUSHER_SECRET,
      }
    : {};
  const stack = await startLocalStack({
    env: { ...(external ? { DATABASE_URL: external } : {}), ...realtime },
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
  let soketi: SoketiControl | undefined;
  if (options.controlSoketi) {
    try {
      soketi = await startControlledSoketi({
        port: ports.soketi,
        clusterPort: ports.soketiCluster,
        configDir: dataDir,
        webhookUrl: options.webhookUrl,
        presenceLimit: options.presenceLimit,
      });
    } catch (error) {
      await stack.stop();
      throw error;
    }
    Object.assign(stack.env, localSoketiEnv(ports.soketi));
  }
  const stop = stack.stop;
  stack.stop = async () => {
    await soketi?.stop();
    await stop();
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };
  return { stack, ports, serverUrl, soketi };
}

/** soketi with the local stack's settings, which can be stopped and started again on its port. */
async function startControlledSoketi(options: LocalSoketiOptions): Promise<SoketiControl> {
  const launch = () => startLocalSoketi(options);
  let service: ChildService | null = await launch();
  // One change at a time: a start while a stop runs waits for it.
  let busy: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>) => (busy = busy.then(work, work));
  return {
    running: () => service !== null,
    stop: () =>
      serial(async () => {
        const current = service;
        service = null;
        await current?.stop();
      }),
    start: () =>
      serial(async () => {
        service ??= await launch();
      }),
  };
}
