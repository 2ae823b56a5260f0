// /api/health answers 200 when the database and soketi answer, and 503 naming soketi when it is
// down. This file runs its own soketi so that stopping it leaves the other tests alone.
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildService } from "@/scripts/stack/child-service";
import { freePort } from "@/scripts/stack/ports";
import { startSoketi } from "@/scripts/stack/soketi";

let soketi: ChildService | undefined;

beforeAll(async () => {
  const port = await freePort();
  soketi = await startSoketi({
    port,
    clusterPort: await freePort(),
    appId: process.env.PUSHER_APP_ID ?? "",
    key: process.env.PUSHER_KEY ?? "",
    secret: process.env.PUSHER_SECRET ?? "",
    configDir: tmpdir(),
  });
  process.env.PUSHER_PORT = String(port);
});

afterAll(() => soketi?.stop());

async function getHealth() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/health", () => {
  it("is 200 with both dependencies up", async () => {
    const { status, body } = await getHealth();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      failing: [],
      checks: { database: { ok: true }, realtime: { ok: true } },
    });
  });

  it("is 503 naming the realtime server when soketi is down", async () => {
    await soketi?.stop();
    const { status, body } = await getHealth();
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: "degraded",
      failing: ["realtime"],
      checks: { database: { ok: true }, realtime: { ok: false, error: "unreachable" } },
    });
  });
});
