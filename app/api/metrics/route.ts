// GET /api/metrics: Prometheus metrics, for a scraper holding METRICS_TOKEN as a bearer token.
// Off (404) while METRICS_TOKEN is unset; a missing or wrong token is a 401 that names nothing.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { metricsAccess } from "@/lib/observability/metrics-access";
import { renderMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: NextRequest): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (access === "off") {
    return NextResponse.json(
      { error: { code: "not_found", message: "Not found." } },
      { status: 404, headers: NO_STORE },
    );
  }
  if (access === "denied") {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "A valid bearer token is required." } },
      { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  }
  const page = await renderMetrics();
  return new Response(page.body, { headers: { ...NO_STORE, "Content-Type": page.contentType } });
}
