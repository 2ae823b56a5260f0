// Database steps shared by `npm run dev`, `npm start`, `npm run db:migrate` and the tests:
// check that the server answers, then apply pending migrations with the Prisma CLI.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl } from "../../lib/db/connection";
import { pgConfigFromUrl } from "../../lib/db/pg-config";
import { StackError } from "./ports";

/** Runs `fn` with a client connected to `url`'s server, in database `database` (default: its own). */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const config = pgConfigFromUrl(url);
  const client = new pg.Client({ ...config, database: database ?? config.database, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Creates the database named in `url` if it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const { database } = parseDatabaseUrl(url);
  await withClient(
    url,
    async (client) => {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    },
    "postgres",
  );
}

/** Throws a one-line StackError when the database cannot be reached or refuses us. */
export async function assertDatabaseReachable(url: string, variable = "DATABASE_URL"): Promise<void> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    const c = parseDatabaseUrl(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StackError(`Cannot reach the database at ${c.host}:${c.port}/${c.database} (${variable}): ${reason}`);
  }
}

/** Runs `prisma migrate deploy` against `url`; resolves once every migration is applied. */
export async function applyMigrations(url: string): Promise<void> {
  const output = await runPrisma(["migrate", "deploy"], url);
  if (!output.ok) throw new StackError(`Applying database migrations failed:\n${output.text}`);
}

export async function runPrisma(args: string[], url: string): Promise<{ ok: boolean; text: string }> {
  const cli = path.resolve("node_modules/prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (c: Buffer) => (text += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (text += c.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ ok: code === 0, text }));
  });
}
