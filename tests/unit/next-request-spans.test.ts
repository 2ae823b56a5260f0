// lib/observability/next-request-spans.ts sees each request once, with its route pattern and
// status, from the spans Next.js starts through the OpenTelemetry API (called here as Next does).
import { context, trace } from "@opentelemetry/api";
import { beforeAll, describe, expect, it } from "vitest";
import { observeNextRequests, type FinishedRequest } from "@/lib/observability/next-request-spans";
import { currentRequestId, registerRequestContext, withRequestId } from "@/lib/observability/request-context";

const finished: { request: FinishedRequest; requestId: string | undefined }[] = [];

beforeAll(() => {
  registerRequestContext();
  expect(observeNextRequests((request) => finished.push({ request, requestId: currentRequestId() }))).toBe(true);
});

// What base-server.js does for one pass of a request.
function handleRequest(
  attributes: Record<string, string | number>,
  work: () => Promise<void> = async () => undefined,
): Promise<void> {
  const tracer = trace.getTracer("next.js", "16");
  return tracer.startActiveSpan(
    "GET",
    {
      attributes: {
        "next.span_type": "BaseServer.handleRequest",
        "http.method": "GET",
        "http.target": "/rooms/rust?x=1",
      },
    },
    context.active(),
    async (span) => {
      // Inner spans (rendering, route handlers) are created and ended too.
      tracer.startActiveSpan("render", { attributes: { "next.span_type": "AppRender.getBodyResult" } }, (inner) =>
        inner.end(),
      );
      await work();
      span.setAttributes(attributes);
      span.end();
    },
  );
}

describe("observeNextRequests", () => {
  it("reports a finished request with its route pattern, status and duration, inside the request's context", async () => {
    finished.length = 0;
    await withRequestId("r-1", () =>
      handleRequest(
        { "http.status_code": 404, "next.route": "/rooms/[slug]" },
        () => new Promise((r) => setTimeout(r, 20)),
      ),
    );
    expect(finished).toHaveLength(1);
    expect(finished[0]?.request).toMatchObject({
      method: "GET",
      route: "/rooms/[slug]",
      status: 404,
      target: "/rooms/rust?x=1",
    });
    expect(finished[0]?.request.durationSeconds).toBeGreaterThanOrEqual(0.015);
    expect(finished[0]?.requestId).toBe("r-1");
  });

  it("skips the pass that only runs proxy.ts (no route) and spans of other kinds", async () => {
    finished.length = 0;
    await handleRequest({ "http.status_code": 200 });
    trace
      .getTracer("next.js")
      .startSpan("fetch", { attributes: { "next.span_type": "AppRender.fetch", "next.route": "/x" } })
      .end();
    expect(finished).toEqual([]);
  });

  it("turns Next's OpenTelemetry support on (a provider that is not the no-op one)", () => {
    const provider = trace.getTracerProvider() as unknown as { getDelegate(): object };
    expect(provider.getDelegate().constructor.name).not.toBe("NoopTracerProvider");
    expect(trace.getTracer("next.js").startSpan("x").isRecording()).toBe(false);
  });
});
