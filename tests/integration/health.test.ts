// /api/health answers 200 when the database and soketi answer, and 503 naming soketi when it is
// down. This file runs its own soketi so that stopping it leaves the other tests alone.
import { describe, expect, it } from "vitest";
import { ownSoketiForThisFile } from "@/tests/support/own-soketi";

const soketi = ownSoketiForThisFile();

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
    await soketi.stop();
    const { status, body } = await getHealth();
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: "degraded",
      failing: ["realtime"],
      checks: { database: { ok: true }, realtime: { ok: false, error: "unreachable" } },
    });
  });
});
