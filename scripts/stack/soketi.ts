// Starts soketi (a Pusher-protocol server) from npm for local development and tests, with the
// app's key, secret and the limits in lib/realtime/limits.ts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REALTIME_LIMITS } from "../../lib/realtime/limits";
import { spawnService, type ChildService } from "./child-service";
import { waitForPort } from "./ports";

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
}

export async function startSoketi(options: SoketiOptions): Promise<ChildService> {
  const app = {
    id: options.appId,
    key: options.key,
    secret: options.secret,
    enabled: true,
    enableClientMessages: true,
    maxConnections: -1,
    maxBackendEventsPerSecond: -1,
    maxReadRequestsPerSecond: -1,
    maxClientEventsPerSecond: REALTIME_LIMITS.maxClientEventsPerSecond,
    maxPresenceMembersPerChannel: REALTIME_LIMITS.maxPresenceMembersPerChannel,
    maxPresenceMemberSizeInKb: REALTIME_LIMITS.maxPresenceMemberSizeKb,
    maxChannelNameLength: REALTIME_LIMITS.maxChannelNameLength,
    maxEventNameLength: REALTIME_LIMITS.maxEventNameLength,
    maxEventChannelsAtOnce: REALTIME_LIMITS.maxEventChannelsAtOnce,
    maxEventPayloadInKb: REALTIME_LIMITS.maxEventPayloadKb,
    webhooks: options.webhookUrl
      ? [{ url: options.webhookUrl, event_types: ["member_added", "member_removed", "channel_vacated"] }]
      : [],
  };
  const config = {
    host: "127.0.0.1",
    port: options.port,
    "appManager.array.apps": [app],
    "metrics.enabled": false,
    "cluster.hostname": "127.0.0.1",
    "cluster.port": options.clusterPort,
    shutdownGracePeriod: 200,
  };
  mkdirSync(options.configDir, { recursive: true });
  const configFile = path.join(options.configDir, `soketi-${options.port}.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const service = await spawnService({
    name: "soketi",
    command: process.execPath,
    args: [
      "--require",
      path.resolve("scripts/stack/uws-resolve.cjs"),
      path.resolve("node_modules/@soketi/soketi/bin/server.js"),
      "start",
      `--config=${configFile}`,
    ],
    // soketi reads SOKETI_* variables too; keep the parent's out so the file is the one truth.
    env: Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith("SOKETI_")).map((k) => [k, undefined])),
    ready: () => waitForPort(options.port),
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
