// Starts the services for one Vitest run: PostgreSQL (embedded, or TEST_DATABASE_URL's server),
// soketi and maildev on free ports; migrates a template database; tears it all down after.
import type { TestProject } from "vitest/node";
import { DEV_DEFAULTS } from "@/lib/env";
import { applyMigrations } from "@/scripts/stack/database";
import { startTestStack } from "@/scripts/stack/test-stack";
import { createDatabase, dropDatabasesWithPrefix } from "./databases";
import type { TestStackContext } from "./stack-context";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { stack, ports, serverUrl } = await startTestStack("test");
  const databasePrefix = `roomful_test_${Date.now().toString(36)}`;
  const templateDatabase = `${databasePrefix}_template`;
  try {
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
