// `npm run dev`: the whole local stack in one command. Starts what is not configured
// (embedded PostgreSQL, soketi, maildev), migrates and seeds, then runs `next dev`. A piece that dies is restarted
// (scripts/stack/supervisor.ts); one that keeps dying stops everything with a non-zero exit.
import path from "node:path";
import { SEED_PASSWORD, seedUsers } from "../prisma/seed-data";
import type { ChildService } from "./stack/child-service";
import { applyMigrations, assertDatabaseReachable } from "./stack/database";
import { DEV_PORTS, PORT_VARIABLES, startLocalStack, type LocalStack } from "./stack/local-stack";
import { startNext } from "./stack/next-server";
import { assertPortFree, portFromEnv } from "./stack/ports";
import { loadDotEnv } from "./stack/load-env";
import { runMain } from "./stack/run-main";
import { seedIfEmpty } from "./stack/seed-if-empty";

async function main(): Promise<void> {
  const startedAt = performance.now();
  loadDotEnv(true);
  const appPort = portFromEnv("PORT", 3000);
  const ports = {
    postgres: portFromEnv(PORT_VARIABLES.postgres, DEV_PORTS.postgres),
    soketi: portFromEnv(PORT_VARIABLES.soketi, DEV_PORTS.soketi),
    soketiCluster: DEV_PORTS.soketiCluster,
    smtp: portFromEnv(PORT_VARIABLES.smtp, DEV_PORTS.smtp),
    mailWeb: portFromEnv(PORT_VARIABLES.mailWeb, DEV_PORTS.mailWeb),
  };
  await assertPortFree(appPort, "the app", "PORT");

  let stack: LocalStack | undefined;
  let next: ChildService | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Roomful…");
    await next?.stop();
    await stack?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    stack = await startLocalStack({
      env: process.env,
      dataDir: path.resolve(".data"),
      ports,
      databaseName: "roomful",
      // soketi runs on this machine: it posts presence webhooks straight to the app's port.
      webhookUrl: `http://127.0.0.1:${appPort}/api/pusher/webhook`,
      supervise: {
        onGiveUp: (error) => {
          console.error(`\n✖ ${error.message}`);
          void shutdown(1);
        },
      },
    });
    const env = { ...process.env, ...stack.env };
    const databaseUrl = env.DATABASE_URL ?? "";
    await assertDatabaseReachable(databaseUrl);
    await applyMigrations(databaseUrl);
    const seeded = await seedIfEmpty(databaseUrl);

    const appUrl = env.APP_URL ?? `http://localhost:${appPort}`;
    next = await startNext({ mode: "dev", port: appPort, env: { ...stack.env, APP_URL: appUrl }, inheritOutput: true });

    const admin = seedUsers.find((u) => u.role === "ADMIN");
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      [
        "",
        "  ┌─ Roomful is running ─────────────────────────────────────────",
        `  │ App        ${appUrl}`,
        `  │ Inbox      ${stack.describe.inbox ?? stack.describe.mail}`,
        `  │ Realtime   ${stack.describe.realtime}`,
        `  │ Database   ${stack.describe.database}`,
        // As root in a folder the postgres user cannot enter, the cluster lives outside the checkout.
        stack.describe.databaseNote ? `  │            (outside the checkout: ${stack.describe.databaseNote})` : "",
        admin ? `  │ Admin      ${admin.email} / ${SEED_PASSWORD}${seeded ? " (sample data just seeded)" : ""}` : "",
        `  │ Ready in   ${seconds} s. Press Ctrl-C to stop everything.`,
        "  └──────────────────────────────────────────────────────────────",
        "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
    // Compile the home page now rather than on the first visit.
    void fetch(`http://127.0.0.1:${appPort}/`).catch(() => undefined);
    next.process.once("exit", (code) => void shutdown(code ?? 1));
  } catch (error) {
    await next?.stop();
    await stack?.stop();
    throw error;
  }
}

runMain(main);
