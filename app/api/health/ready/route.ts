// GET /api/health/ready: 200 when this instance should take traffic (the database answers; a
// realtime outage is reported as "degraded" but still 200), 503 when the database does not answer
// or the process is shutting down. For load balancers' readiness checks.
import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const report = await checkReadiness();
  return NextResponse.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
