// Prometheus metrics (prom-client), served by GET /api/metrics. One registry per process, kept on
// globalThis: Next evaluates this module once per bundle and again on every edit in `next dev`.
import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { databasePoolStats } from "../db/client";

/** How a message send ended, read from the send endpoint's status (see messageSendOutcome). */
export type MessageSendOutcome =
  | "created"
  | "duplicate"
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "rate_limited"
  | "error";

export type SignInOutcome =
  "success" | "invalid" | "rate_limited" | "deactivated" | "unavailable" | "refused" | "error";

/** A metric as data: what prom-client's constructors take, bar the registry. */
interface CounterSpec {
  name: string;
  help: string;
  labelNames: readonly string[];
}

interface HistogramSpec extends CounterSpec {
  buckets: readonly number[];
}

/** The counters, under the names the record functions below use. */
const COUNTERS = {
  httpRequests: {
    name: "roomful_http_requests_total",
    help: "HTTP requests handled by Next.js, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"],
  },
  messageSends: {
    name: "roomful_message_sends_total",
    help: "POST /api/rooms/[slug]/messages, by outcome (created, duplicate = a retried clientKey, rate_limited …).",
    labelNames: ["outcome"],
  },
  triggerFailures: {
    name: "roomful_realtime_trigger_failures_total",
    help: "Events the realtime server did not accept (the change is stored; clients catch up), by event and reason.",
    labelNames: ["event", "reason"],
  },
  signIns: {
    name: "roomful_sign_ins_total",
    help: "Sign-in attempts, by method (credentials or the OAuth provider) and outcome.",
    labelNames: ["method", "outcome"],
  },
} as const satisfies Record<string, CounterSpec>;

/** The histograms (timings, in seconds), likewise. */
const HISTOGRAMS = {
  httpDuration: {
    name: "roomful_http_request_duration_seconds",
    help: "Time to handle a request, until its response (a streamed page's last chunk included) is sent, by method and route pattern.",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  },
  triggerDuration: {
    name: "roomful_realtime_trigger_duration_seconds",
    help: "Time for the realtime server to accept a triggered event, by event and outcome (ok or failed).",
    labelNames: ["event", "outcome"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  },
} as const satisfies Record<string, HistogramSpec>;

// Each metric typed with its own labels, so that a record function cannot misname one.
type Counters = { [K in keyof typeof COUNTERS]: Counter<(typeof COUNTERS)[K]["labelNames"][number]> };
type Histograms = { [K in keyof typeof HISTOGRAMS]: Histogram<(typeof HISTOGRAMS)[K]["labelNames"][number]> };

/** `make` of each entry of `table`, under the entry's key. */
function eachOf<T extends object, M>(table: T, make: (spec: T[keyof T]) => M): Record<keyof T, M> {
  return Object.fromEntries(Object.entries(table).map(([key, spec]) => [key, make(spec)])) as Record<keyof T, M>;
}

function createMetrics() {
  const registry = new Registry();
  // The event-loop lag sampler wakes the loop at this interval even when idle; prom-client's 10 ms was most of an idle
  // server's CPU (README, "Measured choices"), and lag worth an alert is far longer than 100 ms.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });

  const counters = eachOf(COUNTERS, (spec) => new Counter({ ...spec, registers: [registry] })) as Counters;
  const histograms = eachOf(
    HISTOGRAMS,
    ({ buckets, ...spec }) => new Histogram({ ...spec, buckets: [...buckets], registers: [registry] }),
  ) as Histograms;

  // Read when scraped: the pool's counts at that moment.
  const pool = (name: string, help: string, read: (s: NonNullable<ReturnType<typeof databasePoolStats>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = databasePoolStats();
        this.set(stats ? read(stats) : 0);
      },
    });
  pool(
    "roomful_db_pool_connections",
    "Open connections in this process's PostgreSQL pool (idle or in use).",
    (s) => s.total,
  );
  pool("roomful_db_pool_idle_connections", "Open connections not in use.", (s) => s.idle);
  pool(
    "roomful_db_pool_waiting_queries",
    "Queries waiting for a connection because every pooled one is busy.",
    (s) => s.waiting,
  );
  pool("roomful_db_pool_max_connections", "The pool's size (DATABASE_POOL_SIZE).", (s) => s.max);

  return { registry, ...counters, ...histograms };
}

type Metrics = ReturnType<typeof createMetrics>;
const METRICS = Symbol.for("roomful.metrics");
const holder = globalThis as Record<symbol, Metrics | undefined>;

function metrics(): Metrics {
  return (holder[METRICS] ??= createMetrics());
}

/** Creates the registry (and starts Node's process metrics) now rather than at the first scrape. */
export function startMetrics(): void {
  metrics();
}

const MESSAGES_ROUTE = "/api/rooms/[slug]/messages";

/** The send endpoint's answer says how a send ended (see app/api/rooms/[slug]/messages). */
export function messageSendOutcome(status: number): MessageSendOutcome {
  if (status === 201) return "created";
  if (status === 200) return "duplicate";
  if (status === 400 || status === 413 || status === 415) return "invalid";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 410) return "gone";
  if (status === 429) return "rate_limited";
  return "error";
}

export function recordHttpRequest({
  method,
  route,
  status,
  durationSeconds,
}: {
  method: string;
  route: string;
  status: number;
  durationSeconds: number;
}): void {
  const m = metrics();
  m.httpRequests.inc({ method, route, status: String(status) });
  m.httpDuration.observe({ method, route }, durationSeconds);
  if (method === "POST" && route === MESSAGES_ROUTE) m.messageSends.inc({ outcome: messageSendOutcome(status) });
}

export function recordTrigger({ event, seconds, failure }: { event: string; seconds: number; failure?: string }): void {
  const m = metrics();
  m.triggerDuration.observe({ event, outcome: failure ? "failed" : "ok" }, seconds);
  if (failure) m.triggerFailures.inc({ event, reason: failure });
}

export function recordSignIn({ method, outcome }: { method: string; outcome: SignInOutcome }): void {
  metrics().signIns.inc({ method, outcome });
}

export interface MetricsPage {
  contentType: string;
  body: string;
}

/** Everything, in Prometheus' text format. */
export async function renderMetrics(): Promise<MetricsPage> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
