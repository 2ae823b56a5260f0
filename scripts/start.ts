// `npm start`: production start-up. Validates the configuration, checks the database answers,
// applies pending migrations (unless MIGRATE_ON_START=false), then runs `next start`.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { applyMigrations, assertDatabaseReachable } from "./stack/database";
import { loadDotEnv } from "./stack/load-env";
import { portFromEnv } from "./stack/ports";
import { runMain } from "./stack/run-main";

runMain(async () => {
  loadDotEnv();
  const env = parseEnv({ ...process.env, NODE_ENV: "production" });
  const port = portFromEnv("PORT", 3000);
  await assertDatabaseReachable(env.DATABASE_URL);
  if (process.env.MIGRATE_ON_START !== "false") await applyMigrations(env.DATABASE_URL);

  const next = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
});
