// The one Prisma client of a server process, talking to PostgreSQL through @prisma/adapter-pg
// (no native engine). Only lib/db modules import it; routes call their query functions.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { parseDatabaseUrl } from "./connection";
import { PrismaClient } from "./generated/prisma/client";

function createClient(): PrismaClient {
  const c = parseDatabaseUrl(env().DATABASE_URL);
  const adapter = new PrismaPg({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    database: c.database,
    ssl: c.ssl ? { rejectUnauthorized: false } : undefined,
    max: env().DATABASE_POOL_SIZE,
    // Connections opened under a burst stay a while: opening one costs a SCRAM exchange.
    idleTimeoutMillis: 60_000,
    // Fail fast when the database is unreachable instead of hanging a request.
    connectionTimeoutMillis: 5_000,
    // Let scripts and tests exit once their work is done.
    allowExitOnIdle: true,
  });
  return new PrismaClient({ adapter });
}

// `next dev` re-evaluates modules on every change; keep one client (and pool) per process.
const globalForPrisma = globalThis as unknown as { roomfulPrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.roomfulPrisma ??= createClient());
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
  await existing?.$disconnect();
}
