// The application's configuration, read from the environment and validated with zod. Local
// development needs none of it (every value has a dev default); production names what it needs.
import { z } from "zod";
import { parseDatabaseUrl } from "./db/connection";
import { LOG_LEVELS } from "./log-levels";

/** Development defaults match what `npm run dev` starts (scripts/dev.ts). */
export const DEV_DEFAULTS = {
  DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:54329/roomful",
  APP_URL: "http://localhost:3000",
  PUSHER_APP_ID: "roomful",
  PUSHER_KEY: "roomful-key",
  PUSHER_SECRET: "roomful-secret",
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: "6001",
  SMTP_URL: "smtp://127.0.0.1:1025",
  NEXTAUTH_SECRET: "roomful-development-secret-not-for-production",
} as const;

const POSTGRES_URL = /^postgres(ql)?:\/\/.+\/[^/?]+/;
const postgresUrl = z
  .string()
  .regex(POSTGRES_URL, "expected postgresql://user:password@host:5432/database")
  // A misspelt sslmode must stop start-up, not quietly connect without the checks it asked for.
  .superRefine((url, ctx) => {
    if (!POSTGRES_URL.test(url)) return;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: error instanceof Error ? error.message.replace(/^DATABASE_URL /, "") : String(error),
      });
    }
  });
const httpUrl = z.string().regex(/^https?:\/\/[^/]+/, "expected an http(s) URL such as https://roomful.example");
const smtpUrl = z.string().regex(/^smtps?:\/\/[^/]+/, "expected smtp://user:password@host:587 or smtps://…:465");
const port = z.coerce.number().int().min(1, "expected a port number").max(65535, "expected a port number");
const flag = z
  .enum(["true", "false", "1", "0"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1");

/** A duration in milliseconds between `min` and `max`. */
const timeoutMs = (min: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(min, `expected at least ${min} (milliseconds)`)
    .max(max, `expected at most ${max} (milliseconds)`);

/** pino's levels; `silent` logs nothing. */
const logLevel = z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(", ")}` });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    /** Connections each app process keeps to PostgreSQL (a page runs several queries side by side). */
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int()
      .min(1, "expected 1 or more")
      .max(200, "expected at most 200")
      .default(10),
    /** How long opening a connection to PostgreSQL may take before the request answers 503. */
    DATABASE_CONNECT_TIMEOUT_MS: timeoutMs(500, 60_000).default(5_000),
    /**
     * The longest one statement may run (PostgreSQL's statement_timeout), so a hanging database costs a request a
     * bounded wait and a 503; the app's longest statements take milliseconds. Migrations use their own connection.
     */
    DATABASE_STATEMENT_TIMEOUT_MS: timeoutMs(500, 600_000).default(10_000),
    /** How long a transaction may sit idle holding its locks before PostgreSQL ends it (a stuck or lost process). */
    DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: timeoutMs(500, 600_000).default(30_000),
    /** The public URL of the app, used in links sent by mail. */
    APP_URL: httpUrl,
    PUSHER_APP_ID: z.string().min(1),
    PUSHER_KEY: z.string().min(1),
    PUSHER_SECRET: z.string().min(1),
    /** Unset for Pusher Channels (then PUSHER_CLUSTER picks the region); set for soketi. */
    PUSHER_HOST: z.string().min(1).optional(),
    PUSHER_PORT: port.optional(),
    PUSHER_USE_TLS: flag.optional(),
    PUSHER_CLUSTER: z.string().min(1).default("mt1"),
    /** Where browsers connect, when it differs from where the server does (e.g. behind a proxy). */
    PUSHER_PUBLIC_HOST: z.string().min(1).optional(),
    PUSHER_PUBLIC_PORT: port.optional(),
    PUSHER_PUBLIC_USE_TLS: flag.optional(),
    SMTP_URL: smtpUrl,
    MAIL_FROM: z.string().min(3).default("Roomful <no-reply@roomful.local>"),
    /** How long a mention or reply stays unread before it is emailed (away emails); ten minutes by default. */
    AWAY_EMAIL_DELAY_MS: timeoutMs(1_000, 7 * 24 * 3_600_000).default(600_000),
    /** How often each instance looks for away emails to send (with jitter); the row locks share the work. */
    AWAY_EMAIL_POLL_MS: timeoutMs(100, 3_600_000).default(30_000),
    /** false: this instance runs no away-email worker (the others still send). */
    AWAY_EMAIL_WORKER: flag.default(true),
    /**
     * The shortest focus-session break in seconds (a focus phase: five times it). 60 in production: whole minutes,
     * focus 5–180 and breaks 1–60; the browser tests' server lowers it to run phases of a few seconds.
     */
    FOCUS_MIN_PHASE_SECONDS: z.coerce
      .number()
      .int()
      .min(1, "expected 1 or more (seconds)")
      .max(60, "expected at most 60 (seconds)")
      .default(60),
    /** How often each instance looks for focus sessions whose phase changes (timers handle the boundaries between). */
    FOCUS_POLL_MS: timeoutMs(100, 60_000).default(5_000),
    /** false: this instance announces no focus phase changes (the others still do). */
    FOCUS_ANNOUNCER: flag.default(true),
    NEXTAUTH_SECRET: z.string().min(32, "expected at least 32 random characters (openssl rand -base64 32)"),
    /** How many reverse proxies in front of the app append to X-Forwarded-For (for per-IP limits); 0: none. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0, "expected 0 or more").max(10, "expected at most 10").default(0),
    /** OAuth sign-in: each provider is offered only when both its id and its secret are set. */
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    /** For the browser tests only: a local OpenID Connect issuer offered as "Test OIDC". */
    OAUTH_TEST_ISSUER: httpUrl.optional(),
    OAUTH_TEST_CLIENT_ID: z.string().min(1).optional(),
    OAUTH_TEST_CLIENT_SECRET: z.string().min(1).optional(),
    /** Least severe level written to the log (JSON lines on stdout). */
    LOG_LEVEL: logLevel.default("info"),
    /** Bearer token for GET /api/metrics; the route is off (404) while it is unset. */
    METRICS_TOKEN: z.string().min(16, "expected at least 16 random characters (openssl rand -hex 32)").optional(),
    /** A session (one signed-in device) unused for this many days ends: the member signs in again there. */
    SESSION_IDLE_DAYS: z.coerce
      .number()
      .int()
      .min(1, "expected 1 or more")
      .max(365, "expected at most 365")
      .default(14),
    /** A session ends this many days after its sign-in however active it is. */
    SESSION_LIFETIME_DAYS: z.coerce
      .number()
      .int()
      .min(1, "expected 1 or more")
      .max(365, "expected at most 365")
      .default(30),
    /** How long `npm start` lets in-flight requests and their after() work finish after SIGTERM. */
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000, "expected at least 1000 (milliseconds)")
      .max(600_000, "expected at most 600000 (10 minutes)")
      .default(25_000),
  })
  .superRefine((value, ctx) => {
    if (value.SESSION_IDLE_DAYS > value.SESSION_LIFETIME_DAYS) {
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_DAYS"], message: "must not exceed SESSION_LIFETIME_DAYS" });
    }
    // Half a provider is a typo, not a choice: say which half is missing instead of hiding the button.
    const groups = [
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
      ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
      ["OAUTH_TEST_ISSUER", "OAUTH_TEST_CLIENT_ID", "OAUTH_TEST_CLIENT_SECRET"],
    ] as const;
    for (const group of groups) {
      const set = group.filter((key) => value[key] !== undefined);
      if (set.length === 0 || set.length === group.length) continue;
      for (const key of group) {
        if (value[key] !== undefined) continue;
        const others = `${set.join(" and ")} ${set.length > 1 ? "are" : "is"}`;
        ctx.addIssue({ code: "custom", path: [key], message: `is required when ${others} set` });
      }
    }
  });

export type Env = z.infer<typeof schema>;

const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "APP_URL",
  "PUSHER_APP_ID",
  "PUSHER_KEY",
  "PUSHER_SECRET",
  "SMTP_URL",
  "NEXTAUTH_SECRET",
] as const;

export class EnvError extends Error {
  override name = "EnvError";
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const variable = issue.path.join(".");
      const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
      return `  ${variable}: ${message}`;
    })
    .join("\n");
}

/**
 * Validates `source` (process.env by default). In production the variables above are
 * required; elsewhere each missing one takes its development default.
 */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const production = source.NODE_ENV === "production";
  const input: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(source)) {
    // An empty value means "unset": .env files often carry `KEY=`.
    input[key] = value === "" ? undefined : value;
  }
  if (!production) {
    for (const [key, value] of Object.entries(DEV_DEFAULTS)) input[key] ??= value;
    // The dev defaults point at a local soketi, which has no TLS.
    if (input.PUSHER_HOST === DEV_DEFAULTS.PUSHER_HOST) input.PUSHER_USE_TLS ??= "false";
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const missing = production
      ? REQUIRED_IN_PRODUCTION.filter((key) => input[key] === undefined).map(
          (key) => `  ${key}: is required in production`,
        )
      : [];
    const other = describeIssues(
      result.error.issues.filter((i) => !(production && missing.some((m) => m.startsWith(`  ${String(i.path[0])}:`)))),
    );
    throw new EnvError(`Invalid environment configuration:\n${[...missing, other].filter(Boolean).join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
