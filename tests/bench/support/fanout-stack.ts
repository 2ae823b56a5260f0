// The fan-out benchmark's stack: the production build on one PostgreSQL, with one app and the test stack's soketi
// (BENCH_NODES=1), or two apps and two soketi nodes on the machine's Redis (BENCH_NODES=2: the Redis adapter, a
// prefix of this run's own, each app triggering through its own node), as a deployment with several of each runs.
// CPU is read per process group; METRICS_TOKEN is set so the benchmark can count the app's requests.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildService } from "../../../scripts/stack/child-service";
import { buildNext } from "../../../scripts/stack/next-build";
import { startNext } from "../../../scripts/stack/next-server";
import { assertPortFree, freePort, StackError } from "../../../scripts/stack/ports";
import { assertRedisAnswers } from "../../../scripts/stack/redis-check";
import { startLocalSoketi } from "../../../scripts/stack/soketi";
import type { RedisSettings } from "../../../scripts/stack/soketi-config";
import { startBenchDatabase } from "./bench-database";
import { BENCH_NEXTAUTH_SECRET } from "./app";
import { findSoketi } from "./fanout-soketi";

export const BENCH_METRICS_TOKEN = "bench-metrics-token-bench-metrics-token";

export interface FanoutApp {
  baseUrl: string;
  /** The process group of the app's server (for CPU). */
  processGroup: number;
}

export interface FanoutNode {
  port: number;
  /** soketi's pid, which is also its process group when we started it. */
  pid: number;
}

export interface FanoutStack {
  apps: FanoutApp[];
  nodes: FanoutNode[];
  /** The Redis server's pid (two nodes, when it runs on this machine): its CPU is part of the realtime path. */
  redisPid?: number;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface FanoutStackOptions {
  nodes: 1 | 2;
  /** The first app's port; the second app takes the next one. */
  port: number;
  distDir: string;
  skipBuild: boolean;
  log: (line: string) => void;
  /** `node --cpu-prof` for the app(s), profiles written here on stop. */
  cpuProfileDir?: string;
}

/** The redis-server process on this machine, if one runs (a daemon leads its own process group). */
function findRedisServer(): number | undefined {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "redis-server") return Number(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

export async function startFanoutStack(options: FanoutStackOptions): Promise<FanoutStack> {
  const appPorts = Array.from({ length: options.nodes }, (_, i) => options.port + i);
  for (const port of appPorts) await assertPortFree(port, "the benchmark's app", "BENCH_PORT");
  const redis: RedisSettings = {
    host: "127.0.0.1",
    port: 6379,
    db: 0,
    tls: false,
    prefix: `roomful-bench-${randomBytes(4).toString("hex")}`,
  };
  if (options.nodes === 2) {
    await assertRedisAnswers(redis).catch((error: unknown) => {
      throw new StackError(`BENCH_NODES=2 needs Redis on 127.0.0.1:6379: ${(error as Error).message}`);
    });
  }
  // Two nodes: the test stack's own soketi is stopped at once; the two Redis nodes replace it.
  const database = await startBenchDatabase({ controlSoketi: options.nodes === 2 });
  const { databaseUrl } = database;
  const services: ChildService[] = [];
  const soketiDir = path.join(tmpdir(), `roomful-bench-soketi-${process.pid}`);

  const stop = async () => {
    for (const service of services.splice(0).reverse()) await service.stop();
    rmSync(soketiDir, { recursive: true, force: true });
    await database.stop();
  };

  try {
    const nodes: FanoutNode[] = [];
    if (options.nodes === 2) {
      await database.services.soketi?.stop();
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const service = await startLocalSoketi({ port, clusterPort: await freePort(), configDir: soketiDir, redis });
        services.push(service);
        nodes.push({ port, pid: service.process.pid ?? 0 });
      }
    }
    const appEnv = (port: number, pusherPort: string | undefined) => ({
      ...database.services.stack.env,
      ...(pusherPort ? { PUSHER_PORT: pusherPort } : {}),
      DATABASE_URL: databaseUrl,
      APP_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: BENCH_NEXTAUTH_SECRET,
      NEXT_DIST_DIR: options.distDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
    });
    if (!options.skipBuild) {
      options.log(`Building the app into ${options.distDir} (BENCH_SKIP_BUILD=1 reuses it next time)…`);
      await buildNext(options.distDir, { ...process.env, ...appEnv(options.port, undefined) }, { quiet: true });
    }
    const apps: FanoutApp[] = [];
    for (const [i, port] of appPorts.entries()) {
      const env = appEnv(port, nodes[i] ? String(nodes[i].port) : undefined);
      options.log(`Starting the app on http://127.0.0.1:${port}${nodes[i] ? ` (soketi node ${i + 1})` : ""}…`);
      const profileDir = options.cpuProfileDir;
      const next = await startNext({ mode: "start", port, env, inheritOutput: false, cpuProfileDir: profileDir });
      services.push(next);
      apps.push({ baseUrl: `http://127.0.0.1:${port}`, processGroup: next.process.pid ?? 0 });
    }
    if (options.nodes === 1) {
      const found = findSoketi(apps[0]?.processGroup);
      if (!found) throw new StackError("Could not find the benchmark's soketi process in /proc.");
      nodes.push(found);
    }
    return { apps, nodes, databaseUrl, stop, redisPid: options.nodes === 2 ? findRedisServer() : undefined };
  } catch (error) {
    await stop();
    throw error;
  }
}
