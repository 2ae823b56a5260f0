// Turns DATABASE_URL into the discrete settings that @prisma/adapter-pg needs. Shared by the
// app's client, prisma.config.ts (the CLI) and the scripts that create or check databases.
// Pure (no file access), so lib/env.ts can check a URL with it; ./ssl-options.ts reads the files.

/** libpq's sslmode values, with libpq's meaning (see ./ssl-options.ts for what each does here). */
export const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** The TLS parameters of a libpq URL that we honour and keep when a URL is rewritten. */
const SSL_PARAMS = ["sslmode", "sslrootcert", "sslcert", "sslkey"] as const;

export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Whether the connection uses TLS at all (any sslmode but disable). */
  ssl: boolean;
  /** The URL's sslmode; absent when the URL has none (pg then reads PGSSLMODE, else no TLS). */
  sslmode?: SslMode;
  /** Path of the CA certificate(s) to verify the server against, or `system` for the system CAs. */
  sslrootcert?: string;
  /** Paths of a client certificate and its key, for servers that ask for one. */
  sslcert?: string;
  sslkey?: string;
}

function isSslMode(value: string): value is SslMode {
  return (SSL_MODES as readonly string[]).includes(value);
}

export function parseDatabaseUrl(url: string): PgConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database (expected …/database at the end)");
  const sslmode = parsed.searchParams.get("sslmode") ?? undefined;
  if (sslmode !== undefined && !isSslMode(sslmode)) {
    throw new Error(`DATABASE_URL has sslmode=${sslmode}; expected one of ${SSL_MODES.join(", ")}`);
  }
  const connection: PgConnection = {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: decodeURIComponent(parsed.password),
    database,
    ssl: sslmode !== undefined && sslmode !== "disable",
  };
  if (sslmode !== undefined) connection.sslmode = sslmode;
  for (const key of ["sslrootcert", "sslcert", "sslkey"] as const) {
    const value = parsed.searchParams.get(key);
    if (value) connection[key] = value;
  }
  return connection;
}

/** A URL for `c`. Its TLS parameters are kept; `ssl: true` alone (no sslmode) means require. */
export function formatDatabaseUrl(c: Omit<PgConnection, "ssl"> & { ssl?: boolean }): string {
  const auth = c.password
    ? `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}`
    : encodeURIComponent(c.user);
  const params = new URLSearchParams();
  const sslmode = c.sslmode ?? (c.ssl ? "require" : undefined);
  for (const key of SSL_PARAMS) {
    const value = key === "sslmode" ? sslmode : c[key];
    if (value) params.set(key, value);
  }
  const query = params.toString() ? `?${params.toString()}` : "";
  return `postgresql://${auth}@${c.host}:${c.port}/${encodeURIComponent(c.database)}${query}`;
}

/** The same URL with another database name: used for fresh test databases and the shadow database. */
export function withDatabase(url: string, database: string): string {
  const c = parseDatabaseUrl(url);
  return formatDatabaseUrl({ ...c, database });
}
