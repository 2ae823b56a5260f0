// Turns DATABASE_URL into the discrete settings that @prisma/adapter-pg needs. Shared by the
// app's client, prisma.config.ts (the CLI) and the scripts that create or check databases.
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Extra query parameters, e.g. sslmode; passed through to pg as `ssl` when asked for. */
  ssl: boolean;
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
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: decodeURIComponent(parsed.password),
    database,
    ssl: sslmode !== null && sslmode !== "disable",
  };
}

export function formatDatabaseUrl(c: Omit<PgConnection, "ssl"> & { ssl?: boolean }): string {
  const auth = c.password
    ? `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}`
    : encodeURIComponent(c.user);
  const query = c.ssl ? "?sslmode=require" : "";
  return `postgresql://${auth}@${c.host}:${c.port}/${encodeURIComponent(c.database)}${query}`;
}

/** The same URL with another database name: used for fresh test databases and the shadow database. */
export function withDatabase(url: string, database: string): string {
  const c = parseDatabaseUrl(url);
  return formatDatabaseUrl({ ...c, database });
}
