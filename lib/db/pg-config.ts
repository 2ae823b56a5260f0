// DATABASE_URL as node-postgres settings: the discrete connection values and the TLS options its
// sslmode asks for. Shared by the app's pool (./client.ts), prisma.config.ts and scripts/stack.
import type pg from "pg";
import { parseDatabaseUrl } from "./connection";
import { pgSslOptions } from "./ssl-options";

export function pgConfigFromUrl(url: string): pg.ClientConfig {
  const c = parseDatabaseUrl(url);
  return { host: c.host, port: c.port, user: c.user, password: c.password, database: c.database, ssl: pgSslOptions(c) };
}
