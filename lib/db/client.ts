// The one Prisma client of a server process, talking to PostgreSQL through @prisma/adapter-pg
// (no native engine). Only lib/db modules import it; routes call their query functions.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { log } from "../log";
import { PrismaClient } from "./generated/prisma/client";
import { pgConfigFromUrl } from "./pg-config";

/** How much longer than statement_timeout the client waits for an answer before it gives the connection up. */
const QUERY_TIMEOUT_MARGIN_MS = 2_000;

// The pool is ours (not built inside the adapter) so that /api/metrics can read its counts.
function createPool(): pg.Pool {
  const pool = new pg.Pool({
    // sslmode=verify-ca / verify-full verify the server's certificate (./ssl-options.ts).
    ...pgConfigFromUrl(env().DATABASE_URL),
    max: env().DATABASE_POOL_SIZE,
    // Connections opened under a burst stay a while: opening one costs a SCRAM exchange.
    idleTimeoutMillis: 60_000,
    // Fail fast when the database is unreachable or hangs, instead of hanging a request (lib/errors.ts answers 503).
    connectionTimeoutMillis: env().DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env().DATABASE_IDLE_TRANSACTION_TIMEOUT_MS,
    // The server enforces statement_timeout only if it hears from us: a stalled network needs the client's own bound.
    query_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS,
    // Let scripts and tests exit once their work is done.
    allowExitOnIdle: true,
  });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on("error", (error) => log.warn({ err: error }, "database connection lost while idle"));
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  // disposeExternalPool: $disconnect() still ends the pool, as it did when the adapter owned it.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// `next dev` re-evaluates modules on every change; keep one client (and pool) per process.
const globalForPrisma = globalThis as unknown as { roomfulPrisma?: PrismaClient; roomfulPool?: pg.Pool };

function client(): PrismaClient {
  if (!globalForPrisma.roomfulPrisma) {
    const pool = createPool();
    globalForPrisma.roomfulPool = pool;
    globalForPrisma.roomfulPrisma = createClient(pool);
  }
  return globalForPrisma.roomfulPrisma;
}

/** The pool under the Prisma client, for the few hot statements that skip Prisma (./statements.ts). */
export function dbPool(): pg.Pool {
  client();
  return globalForPrisma.roomfulPool as pg.Pool;
}

export interface PoolStats {
  /** Connections open (idle or in use). */
  total: number;
  idle: number;
  /** Queries waiting for a connection because all `max` are in use. */
  waiting: number;
  max: number;
}

/** The pool's counts, or null before the first query opened it. */
export function databasePoolStats(): PoolStats | null {
  const pool = globalForPrisma.roomfulPool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

/**
 * The client, created on first use: importing this module (as `next build` does while it
 * collects pages) must not need a configured database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value: unknown = Reflect.get(target, property);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

/** Closes the pool; for scripts and tests that must exit promptly. */
export async function disconnectDb(): Promise<void> {
  const existing = globalForPrisma.roomfulPrisma;
  globalForPrisma.roomfulPrisma = undefined;
  globalForPrisma.roomfulPool = undefined;
  await existing?.$disconnect();
}
