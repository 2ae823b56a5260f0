// Readiness vs liveness: with soketi stopped an instance stays ready (200, realtime "degraded")
// while /api/health says 503; draining or a database that does not answer make readiness 503;
// liveness is 200 throughout. This file runs its own soketi so stopping it leaves the others alone.
import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { startDraining, stopDraining } from "@/lib/observability/shutdown";
import { freePort } from "@/scripts/stack/ports";
import { ownSoketiForThisFile } from "@/tests/support/own-soketi";

const soketi = ownSoketiForThisFile();

afterAll(async () => {
  stopDraining();
});

type Body = Record<string, unknown>;
async function get(route: "live" | "ready" | "health") {
  const routeModule =
    route === "live"
      ? await import("@/app/api/health/live/route")
      : route === "ready"
        ? await import("@/app/api/health/ready/route")
        : await import("@/app/api/health/route");
  const response = await routeModule.GET();
  return {
    status: response.status,
    body: (await response.json()) as Body,
    cache: response.headers.get("cache-control"),
  };
}

describe("health probes", () => {
  it("all answer 200 with everything up", async () => {
    expect(await get("live")).toEqual({ status: 200, body: { status: "ok" }, cache: "no-store" });
    const ready = await get("ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ready: true,
      status: "ok",
      failing: [],
      checks: { database: { ok: true }, realtime: { ok: true } },
    });
    expect((await get("health")).status).toBe(200);
  });

  it("with soketi stopped: live 200, ready 200 reporting realtime degraded, /api/health 503", async () => {
    await soketi.stop();
    expect((await get("live")).status).toBe(200);
    const ready = await get("ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ready: true,
      status: "degraded",
      failing: ["realtime"],
      checks: { database: { ok: true }, realtime: { ok: false, error: "unreachable" } },
    });
    const health = await get("health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", failing: ["realtime"] });
  });

  it("while draining: ready 503 at once, live still 200", async () => {
    startDraining();
    try {
      const ready = await get("ready");
      expect(ready).toMatchObject({ status: 503, body: { ready: false, status: "draining" } });
      expect((await get("live")).status).toBe(200);
    } finally {
      stopDraining();
    }
  });

  it("with the database unreachable: ready 503 naming it, live 200", async () => {
    // A fresh configuration (env() is read once per module instance) pointing at a closed port.
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/roomful`;
    vi.resetModules();
    const ready = await get("ready");
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      ready: false,
      status: "unavailable",
      checks: { database: { ok: false, error: "unreachable" } },
    });
    expect(ready.body.failing).toContain("database");
    expect((await get("live")).status).toBe(200);
    await disconnectDb();
  });
});
