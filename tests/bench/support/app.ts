// A production build of the app on its own stack, for benchmarks: the same pieces as the browser
// tests' global setup (test stack on free ports, a fresh migrated database, `next start`), but
// no seed data. Stopping drops the database and stops every piece.
import path from "node:path";
import { spawnService, type ChildService, type EnvVars } from "../../../scripts/stack/child-service";
import { buildNext } from "../../../scripts/stack/next-build";
import { startNext } from "../../../scripts/stack/next-server";
import { assertPortFree, waitForPort } from "../../../scripts/stack/ports";
import { startBenchDatabase } from "./bench-database";

/** The bench app's NEXTAUTH_SECRET: a benchmark signs its own session cookies with it. */
export const BENCH_NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret";

export interface BenchApp {
  baseUrl: string;
  databaseUrl: string;
  /** `next start` runs in a process group of its own; this is its id (for CPU accounting). */
  processGroup: number | undefined;
  stop(): Promise<void>;
}

export interface BenchAppOptions {
  port: number;
  /** Build directory; `.next-e2e*` keeps it out of git and apart from `next dev`'s `.next`. */
  distDir: string;
  /** Reuse the build already in distDir. */
  skipBuild: boolean;
  log: (line: string) => void;
  /** Directory for V8 CPU profiles of the app (`node --cpu-prof`, written when it stops); none when unset. */
  cpuProfileDir?: string;
}

/**
 * `next start` (which serves in its own process) under `node --cpu-prof`: Node refuses that flag in NODE_OPTIONS, so
 * it goes on the command line. The profile is written when the server exits (stop() signals it; Next exits cleanly).
 */
export function startProfiledNext(port: number, env: EnvVars, dir: string): Promise<ChildService> {
  return spawnService({
    name: "next start (profiled)",
    command: process.execPath,
    args: [
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
      "--cpu-prof-interval=250",
      path.resolve("node_modules/next/dist/bin/next"),
      "start",
      "--port",
      String(port),
      "--hostname",
      "0.0.0.0",
    ],
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
    ready: () => waitForPort(port, "127.0.0.1", 120_000),
    stopTimeoutMs: 20_000,
  });
}

export async function startBenchApp(options: BenchAppOptions): Promise<BenchApp> {
  await assertPortFree(options.port, "the benchmark's app", "BENCH_PORT");
  const database = await startBenchDatabase();
  const { databaseUrl } = database;
  let next: ChildService | undefined;

  const stop = async () => {
    await next?.stop();
    await database.stop();
  };

  try {
    const baseUrl = `http://127.0.0.1:${options.port}`;
    const appEnv = {
      ...database.services.stack.env,
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      NEXTAUTH_SECRET: BENCH_NEXTAUTH_SECRET,
      NEXT_DIST_DIR: options.distDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    } as const;
    if (!options.skipBuild) {
      options.log(`Building the app into ${options.distDir} (BENCH_SKIP_BUILD=1 reuses it next time)…`);
      await buildNext(options.distDir, { ...process.env, ...appEnv }, { quiet: true });
    }
    options.log(`Starting next start on ${baseUrl}…`);
    next = options.cpuProfileDir
      ? await startProfiledNext(options.port, appEnv, options.cpuProfileDir)
      : await startNext({ mode: "start", port: options.port, env: appEnv, inheritOutput: false });
    return { baseUrl, databaseUrl, processGroup: next.process.pid, stop };
  } catch (error) {
    if (next) console.error(next.recentOutput());
    await stop();
    throw error;
  }
}
