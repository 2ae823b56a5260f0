// What /api/health reports: whether the database and the realtime server answer right now.
import "server-only";
import { pingDatabase } from "./db/health";
import { pingRealtime } from "./realtime/server";

export interface DependencyState {
  ok: boolean;
  latencyMs: number;
  /** A short reason when not ok; driver messages stay in the server log. */
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  checks: { database: DependencyState; realtime: DependencyState };
  /** Names of the dependencies that did not answer. */
  failing: string[];
}

const TIMEOUT_MS = 3_000;

async function probe(name: string, check: () => Promise<void>): Promise<DependencyState> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error(`[health] ${name} check failed: ${error instanceof Error ? error.message : String(error)}`);
    const timedOut = error instanceof Error && error.message.startsWith("no answer");
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: timedOut ? "timed out" : "unreachable",
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, realtime] = await Promise.all([probe("database", pingDatabase), probe("realtime", pingRealtime)]);
  const checks = { database, realtime };
  const failing = Object.entries(checks)
    .filter(([, state]) => !state.ok)
    .map(([name]) => name);
  return { status: failing.length === 0 ? "ok" : "degraded", checks, failing };
}
