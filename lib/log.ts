// The application's logger: pino, one JSON line per entry on stdout (with the request id during a request), pretty
// under `next dev`. For server code, yet no "server-only" marker (scripts and tests load it outside Next) and nothing
// Node-only in it.
import pino, { type Logger, type LoggerOptions } from "pino";
import { isLogLevel, type LogLevel } from "./log-levels";

export type { Logger };

/**
 * Keys whose values never reach the log, at the top level and two levels down (`user.password`,
 * `req.headers.cookie`). Message bodies count as secrets here: people's words are not operations data.
 */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "clientSecret",
  "authorization",
  "cookie",
  "body",
];
export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

/**
 * Set by lib/observability/request-context.ts; a global rather than an import so this module loads in the browser and
 * every copy Next bundles reads the same reader.
 */
const REQUEST_ID_READER = Symbol.for("roomful.log.requestIdReader");
type RequestIdReader = () => string | undefined;

export function setRequestIdReader(reader: RequestIdReader): void {
  (globalThis as Record<symbol, unknown>)[REQUEST_ID_READER] = reader;
}

function currentRequestId(): string | undefined {
  const reader = (globalThis as Record<symbol, unknown>)[REQUEST_ID_READER] as RequestIdReader | undefined;
  return reader?.();
}

function defaultLevel(source: NodeJS.ProcessEnv): LogLevel {
  if (isLogLevel(source.LOG_LEVEL)) return source.LOG_LEVEL;
  // Tests call code that logs expected failures on purpose; their output stays readable.
  return source.NODE_ENV === "test" ? "warn" : "info";
}

export interface LoggerSettings {
  level?: LogLevel;
  /** pino-pretty instead of JSON (default: under `next dev`). */
  pretty?: boolean;
  /** Where JSON lines go (default: stdout); tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
  /** Redact secrets (default). Only for lines whose fields are fixed and safe: see accessLog. */
  redact?: boolean;
}

/** pino's options for the server: JSON lines with a readable level and ISO time. */
export function loggerOptions(level: LogLevel, { redact = true }: { redact?: boolean } = {}): LoggerOptions {
  return {
    level,
    // "info" rather than 30: the lines are read by people as often as by machines.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(redact ? { redact: { paths: REDACTED_PATHS, censor: "[redacted]" } } : {}),
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const level = settings.level ?? defaultLevel(process.env);
  if (typeof window !== "undefined") return pino({ level, browser: { asObject: false } });
  const options = loggerOptions(level, { redact: settings.redact });
  if (settings.destination) return pino(options, settings.destination);
  const pretty = settings.pretty ?? process.env.NODE_ENV === "development";
  if (pretty) {
    try {
      // A transport runs pino-pretty in a worker thread (Next keeps pino and pino-pretty out of
      // its bundles, so the worker finds them); a custom level formatter cannot cross into it.
      return pino({
        ...options,
        formatters: {},
        transport: {
          target: "pino-pretty",
          options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" },
        },
      });
    } catch {
      // pino-pretty is a dev dependency: without it (npm ci --omit=dev), JSON it is.
    }
  }
  return pino(options);
}

// One logger per process: Next evaluates this module once per bundle (and again on every edit
// under `next dev`), and each pretty logger owns a worker thread.
const LOGGER = Symbol.for("roomful.log.logger");
const holder = globalThis as Record<symbol, Logger | undefined>;

export const log: Logger = (holder[LOGGER] ??= createLogger());

const ACCESS_LOGGER = Symbol.for("roomful.log.accessLogger");

/**
 * The access log's logger (lib/observability/register.ts): the same lines as `log`, without redaction, which walked
 * every line's object for the wildcard paths above and was most of pino's cost on every request. Its lines carry only
 * method, route pattern, status and duration: never a body, a header or a raw URL.
 */
export const accessLog: Logger = (holder[ACCESS_LOGGER] ??= createLogger({ redact: false }));
