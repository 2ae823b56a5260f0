// GET /api/metrics' gate: off without METRICS_TOKEN, a bearer token compared in constant time.
import { describe, expect, it } from "vitest";
import { metricsAccess } from "@/lib/observability/metrics-access";

const TOKEN = "s3cret-metrics-token-0123456789";

describe("metricsAccess", () => {
  it("is off while no token is configured, whatever the caller sends", () => {
    expect(metricsAccess(null, undefined)).toBe("off");
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("off");
    expect(metricsAccess(null, "")).toBe("off");
  });

  it("grants the exact bearer token (scheme case-insensitive)", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("granted");
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("granted");
  });

  it("denies a missing, malformed, wrong, shortened or extended token", () => {
    for (const header of [
      null,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      "Bearer",
      "Bearer wrong",
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN} extra`,
    ]) {
      expect(metricsAccess(header, TOKEN)).toBe("denied");
    }
  });
});
