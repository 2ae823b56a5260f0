// What the health endpoints report. /api/health: the database and the realtime server answer
// right now. /api/health/ready: this instance should get traffic (the database answers and it is
// not shutting down; a realtime outage only degrades it). /api/health/live: the process answers.
import "server-only";
import { log } from "./log";
import { pingDatabase } from "./db/health";
import { isDraining } from "./observability/shutdown";
import { pingRealtime } from "./realtime/server";

export interface DependencyState {
  ok: boolean;
  latencyMs: number;
  /** A short reason when not ok; driver messages stay in the server log. */
  error?: string;
}

type Dependency = "database" | "realtime";
type Checks = Record<Dependency, DependencyState>;

export interface HealthReport {
  status: "ok" | "degraded";
  checks: Checks;
  /** Names of the dependencies that did not answer. */
  failing: Dependency[];
}

export interface ReadinessReport {
  /** Whether a load balancer should send this instance traffic (200) or not (503). */
  ready: boolean;
  /**
   * ok: everything answers; degraded: ready, but live updates are down (realtime); unavailable:
   * the database does not answer; draining: shutting down, finishing what it has.
   */
  status: "ok" | "degraded" | "unavailable" | "draining";
  checks?: Checks;
  failing: Dependency[];
}

const TIMEOUT_MS = 3_000;

// Probes run every few seconds: a dependency that stays down is logged when it goes down and
// when it comes back, not on every probe. Kept per process on globalThis (one per bundle otherwise).
const LAST_STATE = Symbol.for("roomful.health.lastState");
const holder = globalThis as Record<symbol, Partial<Record<Dependency, boolean>> | undefined>;
const lastState = (holder[LAST_STATE] ??= {});

function noteState(name: Dependency, ok: boolean, reason?: string): void {
  const previous = lastState[name];
  lastState[name] = ok;
  if (previous === ok) {
    if (!ok) log.debug({ dependency: name, reason }, `${name} check failed (still)`);
    return;
  }
  if (!ok) log.warn({ dependency: name, reason }, `${name} check failed`);
  else if (previous === false) log.info({ dependency: name }, `${name} answers again`);
}

async function probe(name: Dependency, check: () => Promise<void>): Promise<DependencyState> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    noteState(name, true);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    noteState(name, false, error instanceof Error ? error.message : String(error));
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

async function checkDependencies(): Promise<{ checks: Checks; failing: Dependency[] }> {
  const [database, realtime] = await Promise.all([probe("database", pingDatabase), probe("realtime", pingRealtime)]);
  const checks = { database, realtime };
  const failing = (Object.keys(checks) as Dependency[]).filter((name) => !checks[name].ok);
  return { checks, failing };
}

/** Both dependencies, each required: for uptime checks and people. */
export async function checkHealth(): Promise<HealthReport> {
  const { checks, failing } = await checkDependencies();
  return { status: failing.length === 0 ? "ok" : "degraded", checks, failing };
}

/**
 * Only the database is required: without realtime, pages and sends still work (clients catch up later), and pulling
 * every instance over it would turn an outage of live updates into a full outage.
 */
export async function checkReadiness(): Promise<ReadinessReport> {
  // Checked before and after the probes: a stop signal may arrive while they run.
  if (isDraining()) return { ready: false, status: "draining", failing: [] };
  const { checks, failing } = await checkDependencies();
  if (isDraining()) return { ready: false, status: "draining", checks, failing };
  if (!checks.database.ok) return { ready: false, status: "unavailable", checks, failing };
  return { ready: true, status: failing.length === 0 ? "ok" : "degraded", checks, failing };
}
