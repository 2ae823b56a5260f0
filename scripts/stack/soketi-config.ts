// The one place that turns the app's realtime settings into soketi's configuration: the app's
// limits, client events, user authentication, the presence webhook and, for several nodes, the Redis adapter.
import { z } from "zod";
import { HERE_CHANNEL_PREFIX } from "../../lib/realtime/channels";
import { REALTIME_LIMITS } from "../../lib/realtime/limits";
import { StackError } from "./ports";

/**
 * Without these webhooks on members' here-channels (applied by lib/realtime/presence.ts) every room shows "0 online"
 * forever; tests/integration/realtime-recipe.test.ts checks the list against presence.ts.
 */
export const PRESENCE_WEBHOOK_EVENTS = ["channel_occupied", "channel_vacated"] as const;
export const PRESENCE_WEBHOOK_FILTER = { channel_name_starts_with: HERE_CHANNEL_PREFIX } as const;

export const WEBHOOK_PATH = "/api/pusher/webhook";

/** soketi's own default: a connection that has not signed in (pusher:signin) by then is closed (4009). */
export const USER_AUTHENTICATION_TIMEOUT_MS = 30_000;

export interface RedisSettings {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** Prefix of soketi's pub/sub channels, so several deployments (or test runs) can share a Redis. */
  prefix: string;
}

export interface SoketiSettings {
  /** Address to listen on: 127.0.0.1 for the local stack, 0.0.0.0 (all) in production. */
  host: string;
  port: number;
  /** soketi's node discovery binds this UDP port; every node on one machine needs its own. */
  clusterPort: number;
  /** soketi's /usage (and /metrics) server, bound to 127.0.0.1; every node on one machine needs its own. */
  metricsPort?: number;
  app: { id: string; key: string; secret: string };
  /** Where soketi posts presence webhooks (`<APP_URL>/api/pusher/webhook`), if anywhere. */
  webhookUrl?: string;
  /** Set for several nodes: they share channels and presence through Redis. */
  redis?: RedisSettings;
  /** How long soketi waits, once its sockets are told to go, before it exits. */
  shutdownGracePeriodMs: number;
  /** Members per presence channel (PUSHER_PRESENCE_LIMIT); Pusher's 100 when unset. */
  presenceLimit?: number;
  /** How long a connection may go without signing in; USER_AUTHENTICATION_TIMEOUT_MS when unset (tests shorten it). */
  userAuthenticationTimeoutMs?: number;
  debug?: boolean;
}

/** soketi's configuration file (flat, dotted keys, as `soketi start --config=…` reads it). */
export type SoketiConfig = Record<string, unknown>;

export function buildSoketiConfig(settings: SoketiSettings): SoketiConfig {
  const app = {
    id: settings.app.id,
    key: settings.app.key,
    secret: settings.app.secret,
    enabled: true,
    // Typing indicators are client events (client-typing on the presence channel).
    enableClientMessages: true,
    // Every connection signs in (POST /api/pusher/user-auth: a member as their id, a visitor as visitor-<socket>), so
    // a ban or deactivation can end a member's open connections (terminate_connections), held subscriptions and all.
    enableUserAuthentication: true,
    maxConnections: -1,
    maxBackendEventsPerSecond: -1,
    maxReadRequestsPerSecond: -1,
    maxClientEventsPerSecond: REALTIME_LIMITS.maxClientEventsPerSecond,
    maxPresenceMembersPerChannel: settings.presenceLimit ?? REALTIME_LIMITS.maxPresenceMembersPerChannel,
    maxPresenceMemberSizeInKb: REALTIME_LIMITS.maxPresenceMemberSizeKb,
    maxChannelNameLength: REALTIME_LIMITS.maxChannelNameLength,
    maxEventNameLength: REALTIME_LIMITS.maxEventNameLength,
    maxEventChannelsAtOnce: REALTIME_LIMITS.maxEventChannelsAtOnce,
    maxEventPayloadInKb: REALTIME_LIMITS.maxEventPayloadKb,
    webhooks: settings.webhookUrl
      ? [{ url: settings.webhookUrl, event_types: [...PRESENCE_WEBHOOK_EVENTS], filter: PRESENCE_WEBHOOK_FILTER }]
      : [],
  };
  const config: SoketiConfig = {
    host: settings.host,
    port: settings.port,
    debug: settings.debug ?? false,
    "appManager.array.apps": [app],
    "metrics.enabled": false,
    "metrics.host": "127.0.0.1",
    ...(settings.metricsPort ? { "metrics.port": settings.metricsPort } : {}),
    // Discovery serves soketi's own "cluster" adapter, which we never use; keep it off the network.
    "cluster.hostname": "127.0.0.1",
    "cluster.port": settings.clusterPort,
    shutdownGracePeriod: settings.shutdownGracePeriodMs,
    userAuthenticationTimeout: settings.userAuthenticationTimeoutMs ?? USER_AUTHENTICATION_TIMEOUT_MS,
  };
  const redis = settings.redis;
  if (redis) {
    Object.assign(config, {
      "adapter.driver": "redis",
      "adapter.redis.prefix": redis.prefix,
      // soketi hands database.redis to ioredis as it is: these are ioredis options.
      "database.redis.host": redis.host,
      "database.redis.port": redis.port,
      "database.redis.db": redis.db,
      "database.redis.username": redis.username ?? null,
      "database.redis.password": redis.password ?? null,
      ...(redis.tls ? { "database.redis.tls": { servername: redis.host } } : {}),
    });
  }
  return config;
}

const REDIS_URL_SHAPE = "expected redis://[user:password@]host:6379[/db], or rediss://… for TLS";

/** Reads REDIS_URL (or the variable named) into settings; a malformed value is one line naming it. */
export function parseRedisUrl(value: string, prefix: string, variable = "REDIS_URL"): RedisSettings {
  const fail = (why: string): never => {
    // Never echo the value: it may hold a password.
    throw new StackError(`${variable} is not a usable Redis URL: ${why} (${REDIS_URL_SHAPE}).`);
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail("it does not parse as a URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    fail(`it starts with ${url.protocol}// instead of redis://`);
  if (!url.hostname) fail("it names no host");
  const db = url.pathname === "" || url.pathname === "/" ? 0 : Number(url.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) fail("the part after the host must be a database number");
  const port = url.port ? Number(url.port) : 6379;
  const parsed = z
    .object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) })
    .safeParse({ host: url.hostname.replace(/^\[|\]$/g, ""), port });
  if (!parsed.success) return fail("the port is not a port number");
  return {
    host: parsed.data.host,
    port: parsed.data.port,
    db,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === "rediss:",
    prefix,
  };
}
