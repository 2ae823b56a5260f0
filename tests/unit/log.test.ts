// lib/log.ts: JSON lines with level, time and msg; secrets and message bodies redacted; the
// request id on every line written while a request is handled (lib/observability/request-context.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { context, propagation, ROOT_CONTEXT } from "@opentelemetry/api";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { currentRequestId, registerRequestContext, withRequestId } from "@/lib/observability/request-context";

function capture(settings: Parameters<typeof createLogger>[0] = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "info",
    ...settings,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

beforeAll(() => {
  expect(registerRequestContext()).toBe(true);
});

const savedLevel = process.env.LOG_LEVEL;
afterEach(() => {
  if (savedLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = savedLevel;
});

describe("log lines", () => {
  it("are JSON with a level name, an ISO time and msg", () => {
    const { logger, lines } = capture();
    logger.info({ route: "/rooms/[slug]" }, "request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", route: "/rooms/[slug]" });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
  });

  it("leave out secrets and message bodies, also nested", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: "hunter2",
        token: "t0k",
        body: "my private words",
        user: { secret: "s", passwordHash: "$argon2id$…" },
        req: { headers: { authorization: "Bearer abc", cookie: "next-auth.session-token=xyz", accept: "*/*" } },
        headers: { "set-cookie": "a=b" },
      },
      "careful",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["hunter2", "t0k", "my private words", "argon2id", "Bearer abc", "session-token", "a=b"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: "[redacted]",
      body: "[redacted]",
      req: { headers: { authorization: "[redacted]", accept: "*/*" } },
    });
  });

  it("of the access log are the same, without redaction (its fields are fixed: method, route, status, duration)", () => {
    const { logger, lines } = capture({ redact: false });
    logger.info({ method: "POST", route: "/api/rooms/[slug]/messages", status: 201, durationMs: 3 }, "request");
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", method: "POST", status: 201, durationMs: 3 });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
  });

  it("follow LOG_LEVEL", () => {
    process.env.LOG_LEVEL = "error";
    const lines: unknown[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    logger.info("no");
    logger.warn("no");
    logger.error("yes");
    expect(lines).toHaveLength(1);
  });
});

describe("request ids in log lines", () => {
  it("are on every line written during a request, across awaits, and absent outside", async () => {
    const { logger, lines } = capture();
    logger.info("before");
    await withRequestId("req-42", async () => {
      logger.info("start");
      await sleep(5);
      await Promise.all([
        sleep(1).then(() => logger.info("parallel")),
        Promise.resolve().then(() => logger.error("after await")),
      ]);
    });
    logger.info("after");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["before", undefined],
      ["start", "req-42"],
      ["after await", "req-42"],
      ["parallel", "req-42"],
      ["after", undefined],
    ]);
  });

  it("come from the X-Request-Id header when Next extracts the request's context", () => {
    const headers = { "x-request-id": "lb-7f3a", accept: "text/html" };
    const extracted = propagation.extract(ROOT_CONTEXT, headers);
    expect(context.with(extracted, currentRequestId)).toBe("lb-7f3a");
    // A value proxy.ts would have replaced is never trusted here either.
    expect(
      context.with(propagation.extract(ROOT_CONTEXT, { "x-request-id": "two words" }), currentRequestId),
    ).toBeUndefined();
  });

  it("do not leak between concurrent requests", async () => {
    const { logger, lines } = capture();
    await Promise.all(
      ["a", "b", "c"].map((id, i) =>
        withRequestId(id, async () => {
          await sleep(10 - i * 3);
          logger.info(id);
        }),
      ),
    );
    for (const line of lines) expect(line.requestId).toBe(line.msg);
  });
});
