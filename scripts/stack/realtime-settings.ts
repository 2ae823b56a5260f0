// `npm run realtime`'s configuration: the environment the app already has (PUSHER_*, APP_URL),
// plus REDIS_URL and a few SOKETI_* per node, validated with zod into soketi's settings.
import { z } from "zod";
import { StackError } from "./ports";
import { parseRedisUrl, WEBHOOK_PATH, type SoketiSettings } from "./soketi-config";

const port = z.coerce.number().int().min(1, "expected a port number").max(65535, "expected a port number");

const schema = z.object({
  PUSHER_APP_ID: z.string({ message: "is required (the app id the app servers use)" }).min(1),
  PUSHER_KEY: z.string({ message: "is required (the key the app servers and browsers use)" }).min(1),
  PUSHER_SECRET: z.string({ message: "is required (the secret the app servers use)" }).min(1),
  APP_URL: z
    .string({ message: "is required (the app's public URL: presence webhooks go to <APP_URL>/api/pusher/webhook)" })
    .regex(/^https?:\/\/[^/]+/, "expected an http(s) URL such as https://roomful.example"),
  /** This node's port; PUSHER_PORT when unset (soketi is where the app servers connect). */
  SOKETI_PORT: port.optional(),
  PUSHER_PORT: port.optional(),
  SOKETI_HOST: z.string().min(1).default("0.0.0.0"),
  SOKETI_CLUSTER_PORT: port.default(11002),
  SOKETI_METRICS_SERVER_PORT: port.default(9601),
  SOKETI_SHUTDOWN_GRACE_PERIOD: z.coerce.number().int().min(0).max(120_000, "expected at most 120000 ms").default(3000),
  SOKETI_DEBUG: z.enum(["true", "false", "1", "0"], { message: "expected true or false" }).optional(),
  PUSHER_PRESENCE_LIMIT: z.coerce
    .number()
    .int()
    .min(1, "expected 1 or more")
    .max(100, "expected at most 100")
    .optional(),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "expected 1–64 letters, digits, _ . : or -")
    .default("roomful"),
});

export interface RealtimeSettings extends SoketiSettings {
  /** The variable that set the port, named when the port is taken. */
  portVariable: string;
}

/**
 * App credentials and APP_URL are required whatever NODE_ENV says, so a production server cannot fall back to the
 * development secret; each problem is one line naming the variable.
 */
export function realtimeSettingsFromEnv(source: Record<string, string | undefined>): RealtimeSettings {
  // An empty value means "unset", as in lib/env.ts: .env files often carry `KEY=`.
  const input = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new StackError(`npm run realtime: ${problems.join("; ")}.`);
  }
  const env = result.data;
  return {
    host: env.SOKETI_HOST,
    port: env.SOKETI_PORT ?? env.PUSHER_PORT ?? 6001,
    portVariable: env.SOKETI_PORT !== undefined || env.PUSHER_PORT === undefined ? "SOKETI_PORT" : "PUSHER_PORT",
    clusterPort: env.SOKETI_CLUSTER_PORT,
    metricsPort: env.SOKETI_METRICS_SERVER_PORT,
    app: { id: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET },
    webhookUrl: `${env.APP_URL.replace(/\/+$/, "")}${WEBHOOK_PATH}`,
    redis: env.REDIS_URL ? parseRedisUrl(env.REDIS_URL, env.REDIS_PREFIX) : undefined,
    shutdownGracePeriodMs: env.SOKETI_SHUTDOWN_GRACE_PERIOD,
    presenceLimit: env.PUSHER_PRESENCE_LIMIT,
    debug: env.SOKETI_DEBUG === "true" || env.SOKETI_DEBUG === "1",
  };
}
