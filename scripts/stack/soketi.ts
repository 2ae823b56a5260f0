// Starts soketi (a Pusher-protocol server) from npm: for local development and tests with the
// app's key, secret and limits (startSoketi), and for `npm run realtime` in production (runSoketi).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_DEFAULTS } from "../../lib/env";
import { spawnService, type ChildService } from "./child-service";
import { waitForPort } from "./ports";
import { buildSoketiConfig, type RedisSettings, type SoketiSettings } from "./soketi-config";

const here = path.dirname(fileURLToPath(import.meta.url));
const UWS_HOOK = path.join(here, "uws-resolve.cjs");
const KEEP_ALIVE_HOOK = path.join(here, "soketi-keep-alive.cjs");
const SOKETI_BIN = path.resolve(here, "../../node_modules/@soketi/soketi/bin/server.js");

export interface SoketiOptions {
  port: number;
  appId: string;
  key: string;
  secret: string;
  /** Where the generated config file is written. */
  configDir: string;
  /** soketi's cluster discovery binds a UDP port; each instance on a machine needs its own. */
  clusterPort: number;
  /** Where soketi posts presence webhooks, if anywhere. */
  webhookUrl?: string;
  /** Members per presence channel; Pusher's 100 when unset. */
  presenceLimit?: number;
  /** Several nodes on one machine share channels through this Redis (tests and benchmarks of a cluster). */
  redis?: RedisSettings;
  /** Closes connections that have not signed in after this long; soketi's 30 s when unset. */
  userAuthenticationTimeoutMs?: number;
}

/** soketi on 127.0.0.1 for the local stack and the tests, quick to stop. */
export function startSoketi(options: SoketiOptions): Promise<ChildService> {
  return runSoketi({
    settings: {
      host: "127.0.0.1",
      port: options.port,
      clusterPort: options.clusterPort,
      app: { id: options.appId, key: options.key, secret: options.secret },
      webhookUrl: options.webhookUrl,
      presenceLimit: options.presenceLimit,
      redis: options.redis,
      userAuthenticationTimeoutMs: options.userAuthenticationTimeoutMs,
      shutdownGracePeriodMs: 200,
    },
    configDir: options.configDir,
  });
}

export type LocalSoketiOptions = Omit<SoketiOptions, "appId" | "key" | "secret">;

/** soketi with the development app id, key and secret (the local stack's and the tests'). */
export function startLocalSoketi(options: LocalSoketiOptions): Promise<ChildService> {
  return startSoketi({
    ...options,
    appId: DEV_DEFAULTS.PUSHER_APP_ID,
    key: DEV_DEFAULTS.PUSHER_KEY,
    secret: DEV_DEFAULTS.PUSHER_SECRET,
  });
}

/** The app's PUSHER_* settings for a soketi started by startLocalSoketi on `port`. */
export function localSoketiEnv(port: number): Record<string, string> {
  return {
    PUSHER_APP_ID: DEV_DEFAULTS.PUSHER_APP_ID,
    PUSHER_KEY: DEV_DEFAULTS.PUSHER_KEY,
    PUSHER_SECRET: DEV_DEFAULTS.PUSHER_SECRET,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(port),
    PUSHER_USE_TLS: "false",
  };
}

export interface RunSoketiOptions {
  settings: SoketiSettings;
  /** Where the config file (it holds the app secret, so mode 0600) is written; removed on stop. */
  configDir: string;
  /** Show soketi's own output (production) instead of keeping it for error messages. */
  inheritOutput?: boolean;
}

export async function runSoketi({ settings, configDir, inheritOutput }: RunSoketiOptions): Promise<ChildService> {
  mkdirSync(configDir, { recursive: true });
  const configFile = path.join(configDir, `soketi-${settings.port}.json`);
  writeFileSync(configFile, JSON.stringify(buildSoketiConfig(settings), null, 2), { mode: 0o600 });

  const service = await spawnService({
    name: "soketi",
    command: process.execPath,
    // Redis going away rejects soketi's pub/sub calls unhandled; by default Node would make that fatal and
    // soketi would stop serving even the clients connected to it.
    args: [
      "--unhandled-rejections=warn",
      ...["--require", UWS_HOOK, "--require", KEEP_ALIVE_HOOK],
      SOKETI_BIN,
      "start",
      `--config=${configFile}`,
    ],
    // soketi reads SOKETI_* variables, and a .env in its working directory, over its config
    // file: keep the parent's out and run it where no .env is, so the file is the one truth.
    env: {
      ...Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith("SOKETI_"))
          .map((k) => [k, undefined]),
      ),
      // soketi bundles the AWS SDK v2 (for its SQS queue, unused here), which prints a notice at start.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
    },
    cwd: configDir,
    inheritOutput,
    ready: () => waitForPort(settings.port, settings.host === "0.0.0.0" ? "127.0.0.1" : settings.host),
    // soketi tells its sockets to go, waits the grace period, then exits.
    stopTimeoutMs: settings.shutdownGracePeriodMs + 5_000,
  }).catch((error: unknown) => {
    rmSync(configFile, { force: true });
    throw error;
  });
  const stop = service.stop;
  return {
    ...service,
    async stop() {
      await stop();
      rmSync(configFile, { force: true });
    },
  };
}
