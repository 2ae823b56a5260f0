// Operations set-up for a Next.js server process, run once from instrumentation.ts: request ids
// in log lines, HTTP metrics and the access log, process metrics, and the shutdown handlers.
import "server-only";
import { env, type Env } from "../env";
import { log } from "../log";
import { startMetrics } from "./metrics";
import { observeNextRequests } from "./next-request-spans";
import { registerRequestContext } from "./request-context";
import { reportRequest } from "./request-report";
import { installShutdownHandlers } from "./shutdown";

export function registerObservability(): void {
  const e = env();
  if (!registerRequestContext()) {
    log.warn("another OpenTelemetry context manager or propagator is registered: log lines carry no request id");
  }
  const development = e.NODE_ENV === "development";
  if (!observeNextRequests((request) => reportRequest(request, development))) {
    log.warn("another OpenTelemetry tracer provider is registered: HTTP request metrics and the access log are off");
  }
  startMetrics();
  installShutdownHandlers({ timeoutMs: e.SHUTDOWN_TIMEOUT_MS });
  const warning = metricsTokenWarning(e);
  if (warning) log.error(warning);
}

/** Production without METRICS_TOKEN still starts (metrics are optional), and says so once. */
export function metricsTokenWarning(e: Pick<Env, "NODE_ENV" | "METRICS_TOKEN">): string | undefined {
  if (e.NODE_ENV !== "production" || e.METRICS_TOKEN) return undefined;
  return "METRICS_TOKEN is not set: GET /api/metrics answers 404 until it is";
}
