// Whether an error means "the database cannot be reached or did not answer in time" (a 503 and an honest
// message), as opposed to a bug or bad data (a 500). The one place that knows how pg, pg-pool, adapter-pg and
// Prisma spell an outage; no Prisma import, so lib/errors.ts may use it.

/** Socket errors of node (through pg), and adapter-pg's wrapper of them. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's SQLSTATEs for "not now": statement timeout (57014), idle-in-transaction and idle-session timeouts
 * (25P03, 57P05), shutdown, crash and start-up (57P01–57P03), too many connections (53300); class 08
 * (connection exceptions) is matched by prefix below.
 */
const SQLSTATES = new Set(["57014", "25P03", "57P01", "57P02", "57P03", "57P05", "53300"]);

/** Prisma's codes: can't reach (P1001), timed out (P1002, P1008), closed (P1017), too many connections (P2037). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);

/** adapter-pg's error kinds (DriverAdapterError.cause.kind) for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);

/** Messages of errors that carry no code: pg's lost connection and read timeout, pg-pool's wait for a connection. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /timeout expired/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /canceling statement due to statement timeout/i,
  /terminating connection due to (administrator command|idle-in-transaction timeout)/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

const MAX_DEPTH = 6;

function isOutage(error: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof error !== "object" || error === null) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  // Prisma could not open its engine or connection at all.
  if (e.name === "PrismaClientInitializationError") return true;
  for (const code of [e.code, e.errorCode, e.originalCode]) {
    if (typeof code !== "string") continue;
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || code.startsWith("08")) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  // AggregateError (a dual-stack connect refused on ::1 and 127.0.0.1), wrapped causes, Prisma's meta.
  const inner: unknown[] = [e.cause, e.meta?.driverAdapterError];
  if (error instanceof AggregateError) inner.push(...(error.errors as unknown[]));
  return inner.some((next) => isOutage(next, depth + 1));
}

/** True when `error` (or what it wraps) says the database is down, unreachable, shutting down or too slow. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isOutage(error, 0);
}
