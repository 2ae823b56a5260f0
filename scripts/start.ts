// `npm start`: validates the configuration, checks the database answers, applies pending migrations (unless
// MIGRATE_ON_START=false), then runs the server (scripts/serve.ts: Next.js, with the message send served before its
// router). SIGTERM/SIGINT go to the server, which drains itself and exits 0.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { parseEnv } from "../lib/env";
import { applyMigrations, assertDatabaseReachable } from "./stack/database";
import { loadDotEnv } from "./stack/load-env";
import { productionServerArgs } from "./stack/next-server";
import { portFromEnv } from "./stack/ports";
import { runMain } from "./stack/run-main";

/** Past the server's own bound, give it this long to log and exit before it is killed. */
const KILL_GRACE_MS = 5_000;

runMain(async () => {
  loadDotEnv();
  const env = parseEnv({ ...process.env, NODE_ENV: "production" });
  const port = portFromEnv("PORT", 3000);
  await assertDatabaseReachable(env.DATABASE_URL);
  if (process.env.MIGRATE_ON_START !== "false") await applyMigrations(env.DATABASE_URL);

  const server = spawn(process.execPath, productionServerArgs({ port }), {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });

  let stopSignal: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    // A process manager may signal the whole group: the server then has it already, and a
    // second one changes nothing there.
    if (stopSignal) return;
    stopSignal = signal;
    server.kill(signal);
    setTimeout(() => {
      console.error(
        `✖ The server was still running ${env.SHUTDOWN_TIMEOUT_MS + KILL_GRACE_MS} ms after ${signal} (SHUTDOWN_TIMEOUT_MS): killed.`,
      );
      server.kill("SIGKILL");
    }, env.SHUTDOWN_TIMEOUT_MS + KILL_GRACE_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));

  server.once("exit", (code, signal) => {
    if (!stopSignal) process.exit(code ?? 1);
    const drained = code === 0 || code === 128 + constants.signals[stopSignal] || signal === stopSignal;
    process.exit(drained ? 0 : 1);
  });
});
