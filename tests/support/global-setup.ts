// Starts the services for one Vitest run: PostgreSQL (embedded, or TEST_DATABASE_URL's server),
// soketi and maildev on free ports; migrates a template database; tears it all down after.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { DEV_DEFAULTS } from "@/lib/env";
import { withDatabase } from "@/lib/db/connection";
import { applyMigrations, assertDatabaseReachable } from "@/scripts/stack/database";
import { startLocalStack } from "@/scripts/stack/local-stack";
import { freePort } from "@/scripts/stack/ports";
import { createDatabase, dropDatabasesWithPrefix } from "./databases";
import type { TestStackContext } from "./stack-context";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  const ports = {
    postgres: await freePort(),
    soketi: await freePort(),
    soketiCluster: await freePort(),
    smtp: await freePort(),
    mailWeb: await freePort(),
  };
  // Only TEST_DATABASE_URL is honoured: the developer's own services stay untouched.
  const stack = await startLocalStack({
    env: external ? { DATABASE_URL: external } : {},
    dataDir: path.resolve(".data/test"),
    ports,
    databaseName: "postgres",
    fastPostgres: true,
  });
  const serverUrl = withDatabase(external ?? stack.env.DATABASE_URL ?? "", "postgres");
  const databasePrefix = `roomful_test_${Date.now().toString(36)}`;
  const templateDatabase = `${databasePrefix}_template`;
  try {
    await assertDatabaseReachable(serverUrl, external ? "TEST_DATABASE_URL" : "embedded test database");
    const templateUrl = await createDatabase(serverUrl, templateDatabase);
    await applyMigrations(templateUrl);
  } catch (error) {
    await stack.stop();
    throw error;
  }

  const context: TestStackContext = {
    serverUrl,
    templateDatabase,
    databasePrefix,
    pusher: {
      appId: DEV_DEFAULTS.PUSHER_APP_ID,
      key: DEV_DEFAULTS.PUSHER_KEY,
      secret: DEV_DEFAULTS.PUSHER_SECRET,
      host: "127.0.0.1",
      port: ports.soketi,
    },
    smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
    mailApiUrl: `http://127.0.0.1:${ports.mailWeb}`,
  };
  project.provide("stack", context);

  return async () => {
    await dropDatabasesWithPrefix(serverUrl, databasePrefix).catch((error: unknown) => console.error(error));
    await stack.stop();
  };
}
