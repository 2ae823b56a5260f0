// lib/observability/metrics.ts: what /api/metrics shows after requests, sends, triggers and sign-ins.
import { describe, expect, it } from "vitest";
import {
  messageSendOutcome,
  recordHttpRequest,
  recordSignIn,
  recordTrigger,
  renderMetrics,
} from "@/lib/observability/metrics";

describe("metrics", () => {
  it("counts requests by method, route pattern and status, and times them", async () => {
    recordHttpRequest({ method: "GET", route: "/rooms/[slug]", status: 200, durationSeconds: 0.03 });
    recordHttpRequest({ method: "GET", route: "/rooms/[slug]", status: 200, durationSeconds: 0.01 });
    const { body, contentType } = await renderMetrics();
    expect(contentType).toContain("text/plain");
    expect(body).toContain('roomful_http_requests_total{method="GET",route="/rooms/[slug]",status="200"} 2');
    expect(body).toContain('roomful_http_request_duration_seconds_count{method="GET",route="/rooms/[slug]"} 2');
  });

  it("reads message sends from the send endpoint's status", async () => {
    expect([201, 200, 400, 401, 403, 404, 409, 410, 429, 500, 503].map(messageSendOutcome)).toEqual([
      "created",
      "duplicate",
      "invalid",
      "unauthenticated",
      "forbidden",
      "not_found",
      "conflict",
      "gone",
      "rate_limited",
      "error",
      "error",
    ]);
    recordHttpRequest({ method: "POST", route: "/api/rooms/[slug]/messages", status: 201, durationSeconds: 0.02 });
    recordHttpRequest({ method: "POST", route: "/api/rooms/[slug]/messages", status: 429, durationSeconds: 0.01 });
    // A history read is not a send.
    recordHttpRequest({ method: "GET", route: "/api/rooms/[slug]/messages", status: 200, durationSeconds: 0.01 });
    const { body } = await renderMetrics();
    expect(body).toContain('roomful_message_sends_total{outcome="created"} 1');
    expect(body).toContain('roomful_message_sends_total{outcome="rate_limited"} 1');
    expect(body).not.toContain('roomful_message_sends_total{outcome="duplicate"}');
  });

  it("times triggers and counts failures by reason; counts sign-ins", async () => {
    recordTrigger({ event: "message:created", seconds: 0.004 });
    recordTrigger({ event: "message:created", seconds: 2, failure: "unreachable" });
    recordSignIn({ method: "credentials", outcome: "invalid" });
    const { body } = await renderMetrics();
    expect(body).toContain('roomful_realtime_trigger_duration_seconds_count{event="message:created",outcome="ok"} 1');
    expect(body).toContain(
      'roomful_realtime_trigger_duration_seconds_count{event="message:created",outcome="failed"} 1',
    );
    expect(body).toContain('roomful_realtime_trigger_failures_total{event="message:created",reason="unreachable"} 1');
    expect(body).toContain('roomful_sign_ins_total{method="credentials",outcome="invalid"} 1');
  });

  it("includes the database pool gauges and Node's process metrics", async () => {
    const { body } = await renderMetrics();
    for (const name of [
      "roomful_db_pool_connections",
      "roomful_db_pool_idle_connections",
      "roomful_db_pool_waiting_queries",
      "roomful_db_pool_max_connections",
      "process_cpu_seconds_total",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(body).toContain(`\n${name} `);
    }
  });
});

describe("metricsTokenWarning", () => {
  it("is one line naming METRICS_TOKEN in production without it, and nothing otherwise", async () => {
    const { metricsTokenWarning } = await import("@/lib/observability/register");
    expect(metricsTokenWarning({ NODE_ENV: "production", METRICS_TOKEN: undefined })).toBe(
      "METRICS_TOKEN is not set: GET /api/metrics answers 404 until it is",
    );
    expect(metricsTokenWarning({ NODE_ENV: "production", METRICS_TOKEN: "x".repeat(32) })).toBeUndefined();
    expect(metricsTokenWarning({ NODE_ENV: "development", METRICS_TOKEN: undefined })).toBeUndefined();
  });
});
