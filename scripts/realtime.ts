// `npm run realtime`: a production soketi node for Roomful, configured from the app's own
// environment (credentials, limits, presence webhook, client events; Redis for several nodes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PRESENCE_WEBHOOK_EVENTS } from "./stack/soketi-config";
import { loadDotEnv } from "./stack/load-env";
import { assertPortFree } from "./stack/ports";
import { realtimeSettingsFromEnv } from "./stack/realtime-settings";
import { assertRedisAnswers } from "./stack/redis-check";
import { runMain } from "./stack/run-main";
import { runSoketi } from "./stack/soketi";

runMain(async () => {
  loadDotEnv();
  const settings = realtimeSettingsFromEnv(process.env);
  if (settings.redis) await assertRedisAnswers(settings.redis);
  await assertPortFree(settings.port, "soketi", settings.portVariable);

  // The config file holds the app secret: a private folder, removed when the node stops.
  const configDir = mkdtempSync(path.join(tmpdir(), "roomful-realtime-"));
  const soketi = await runSoketi({ settings, configDir, inheritOutput: true }).catch((error: unknown) => {
    rmSync(configDir, { recursive: true, force: true });
    throw error;
  });

  const redis = settings.redis;
  console.log(
    [
      `Roomful realtime ready: soketi on ${settings.host}:${settings.port}, app ${settings.app.id}, client events on`,
      `  webhook    ${settings.webhookUrl} (${PRESENCE_WEBHOOK_EVENTS.join(", ")})`,
      redis
        ? `  nodes      Redis adapter at ${redis.host}:${redis.port}/${redis.db}${redis.tls ? " (TLS)" : ""}, prefix "${redis.prefix}"; cluster port ${settings.clusterPort}`
        : "  nodes      this one only (set REDIS_URL to run several)",
    ].join("\n"),
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await soketi.stop();
    rmSync(configDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // soketi ending by itself is a failure, whatever its code: let the supervisor restart us.
  soketi.process.once("exit", (code) => void stop(code || 1));
});
