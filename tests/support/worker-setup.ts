// Runs before each test file: gives it a fresh copy of the migrated database and points the
// app's configuration at this run's services.
import { inject } from "vitest";
import { createDatabase, uniqueDatabaseName } from "./databases";

const stack = inject("stack");

process.env.DATABASE_URL = await createDatabase(
  stack.serverUrl,
  uniqueDatabaseName(stack.databasePrefix),
  stack.templateDatabase,
);
process.env.PUSHER_APP_ID = stack.pusher.appId;
process.env.PUSHER_KEY = stack.pusher.key;
process.env.PUSHER_SECRET = stack.pusher.secret;
process.env.PUSHER_HOST = stack.pusher.host;
process.env.PUSHER_PORT = String(stack.pusher.port);
process.env.PUSHER_USE_TLS = "false";
process.env.SMTP_URL = stack.smtpUrl;
process.env.APP_URL = "http://localhost:3000";
