// GET /api/metrics: off (404) without METRICS_TOKEN; a missing or wrong bearer token is a 401
// that names no metric; the right one gets Prometheus text with the app's metrics, including
// realtime triggers timed against the run's soketi and the database pool's counts.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { observedTrigger } from "@/lib/observability/realtime-trigger";

const TOKEN = "metrics-test-token-0123456789abcdef";

afterAll(() => disconnectDb());

async function scrape(authorization?: string) {
  const { GET } = await import("@/app/api/metrics/route");
  const response = await GET(
    new NextRequest("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }),
  );
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("GET /api/metrics", () => {
  it("is off (404) while METRICS_TOKEN is unset, even with a token", async () => {
    delete process.env.METRICS_TOKEN;
    const { status, text } = await scrape(`Bearer ${TOKEN}`);
    expect(status).toBe(404);
    expect(text).not.toContain("roomful_");
  });

  it("answers 401 with a JSON error and nothing else to a missing or wrong token", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    vi.resetModules(); // env() is read once per module instance
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token", `Basic ${TOKEN}`, `Bearer ${TOKEN}0`]) {
      const { status, text, headers } = await scrape(authorization);
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({
        error: { code: "unauthorized", message: "A valid bearer token is required." },
      });
      expect(headers.get("www-authenticate")).toContain("Bearer");
      expect(text).not.toMatch(/roomful_|process_|nodejs_/);
    }
  });

  it("serves Prometheus text to the right token: triggers, pool use and process metrics", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    vi.resetModules();
    await db.$queryRaw`SELECT 1`;
    await observedTrigger("metrics-test", "message:created", { id: 1 });
    await expect(observedTrigger("metrics-test", "message:created", { text: "x".repeat(11 * 1024) })).rejects.toThrow(
      "payload",
    );

    const { status, text, headers } = await scrape(`Bearer ${TOKEN}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/plain");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(text).toMatch(/roomful_realtime_trigger_duration_seconds_count\{event="message:created",outcome="ok"\} 1\n/);
    expect(text).toMatch(
      /roomful_realtime_trigger_failures_total\{event="message:created",reason="payload_too_large"\} 1\n/,
    );
    expect(text).toMatch(/\nroomful_db_pool_connections [1-9]\d*\n/);
    expect(text).toMatch(/\nroomful_db_pool_max_connections 10\n/);
    expect(text).toContain("\nprocess_resident_memory_bytes ");
    for (const name of ["roomful_http_requests_total", "roomful_message_sends_total", "roomful_sign_ins_total"])
      expect(text).toContain(`# TYPE ${name} counter`);
  });
});
