// What happens when a request is finished, wherever it was served (Next's router or lib/server/direct-routes.ts):
// the HTTP metrics and one access log line.
import "server-only";
import { accessLog } from "../log";
import { recordHttpRequest } from "./metrics";
import type { FinishedRequest } from "./next-request-spans";

// Load balancers ask every few seconds; their answers would drown the access log.
const QUIET_ROUTES = new Set(["/api/health", "/api/health/live", "/api/health/ready", "/api/metrics"]);

export function reportRequest(request: FinishedRequest, development: boolean): void {
  recordHttpRequest(request);
  // `next dev` prints its own line per request; there ours are debug-level.
  const level = development || QUIET_ROUTES.has(request.route) ? "debug" : "info";
  const { method, route, status, durationSeconds } = request;
  accessLog[level]({ method, route, status, durationMs: Math.round(durationSeconds * 1000) }, "request");
}
