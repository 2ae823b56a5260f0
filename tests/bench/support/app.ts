// A production build of the app on its own stack, for benchmarks: the same pieces as the browser
// tests' global setup (test stack on free ports, a fresh migrated database, `npm start`'s server), but
// no seed data. Stopping drops the database and stops every piece.
import type { ChildService } from "../../../scripts/stack/child-service";
import { buildNext } from "../../../scripts/stack/next-build";
import { startNext } from "../../../scripts/stack/next-server";
import { assertPortFree } from "../../../scripts/stack/ports";
import { startBenchDatabase } from "./bench-database";

/** The bench app's NEXTAUTH_SECRET: a benchmark signs its own session cookies with it. */
export const BENCH_NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret";

export interface BenchApp {
  baseUrl: string;
  databaseUrl: string;
  /** The server runs in a process group of its own; this is its id (for CPU accounting). */
  processGroup: number | undefined;
  stop(): Promise<void>;
}

export interface BenchAppOptions {
  port: number;
  /** Build directory (`.next-e2e*` keeps it out of git and apart from `next dev`'s `.next`); `.next-e2e-<port>`. */
  distDir?: string;
  /** Reuse the build already in distDir; by default when BENCH_SKIP_BUILD=1. */
  skipBuild?: boolean;
  log: (line: string) => void;
  /** Directory for V8 CPU profiles of the app (`node --cpu-prof`, written when it stops); none when unset. */
  cpuProfileDir?: string;
}

export async function startBenchApp(given: BenchAppOptions): Promise<BenchApp> {
  const options = {
    ...given,
    distDir: given.distDir ?? `.next-e2e-${given.port}`,
    skipBuild: given.skipBuild ?? process.env.BENCH_SKIP_BUILD === "1",
  };
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
      // Benchmark clients speak for many addresses in X-Forwarded-For, as a proxy in front would.
      TRUST_PROXY_HOPS: "1",
    } as const;
    if (!options.skipBuild) {
      options.log(`Building the app into ${options.distDir} (BENCH_SKIP_BUILD=1 reuses it next time)…`);
      await buildNext(options.distDir, { ...process.env, ...appEnv }, { quiet: true });
    }
    options.log(`Starting the production server on ${baseUrl}…`);
    next = await startNext({
      mode: "start",
      port: options.port,
      env: appEnv,
      inheritOutput: false,
      cpuProfileDir: options.cpuProfileDir,
    });
    return { baseUrl, databaseUrl, processGroup: next.process.pid, stop };
  } catch (error) {
    if (next) console.error(next.recentOutput());
    await stop();
    throw error;
  }
}
